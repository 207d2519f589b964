// The Dyad dashboard: one page, hash routes (#/overview, #/dyad, #/network, #/map, #/event/ID, #/document/ID,
// #/ingest). Reads the JSON API of the same server; charts by ECharts, Cytoscape.js and Leaflet (vendored).

const QUAD_NAMES = ['', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
const QUAD_COLORS = ['', '#7fb77e', '#2e7d32', '#f0a030', '#c62828'];
const FILTER_NAMES = ['from', 'to', 'actor', 'quad', 'root', 'text'];
const page = document.getElementById('page');
const filterForm = document.getElementById('filters');
let charts = [];
let teardown = [];

// ---------- helpers ----------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '' && value !== undefined && value !== null) query.set(key, value);
  const url = '/api/' + path + (query.toString() ? '?' + query : '');
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function currentFilters() {
  const data = new FormData(filterForm);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = String(data.get(name) || '').trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function quadBadge(quad) { return el('span', { class: 'q q' + quad, title: QUAD_NAMES[quad] }, quad); }

function card(title, ...content) { return el('section', { class: 'card' }, el('h2', {}, title), ...content); }

function chartBox(id, tall) { return el('div', { class: tall ? 'chart tall' : 'chart', id }); }

function makeChart(container, option) {
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  // No entry animation: a chart is complete (and clickable where it shows a bar) as soon as it is drawn.
  chart.setOption({ animation: false, ...option });
  charts.push(chart);
  return chart;
}

function showError(target, error) {
  target.replaceChildren(el('p', { class: 'error' }, String(error.message || error)));
}

function periodEnd(start, by) {
  const date = new Date(start + 'T00:00:00Z');
  if (by === 'day') return start;
  if (by === 'week') date.setUTCDate(date.getUTCDate() + 6);
  else { date.setUTCMonth(date.getUTCMonth() + 1); date.setUTCDate(0); }
  return date.toISOString().slice(0, 10);
}

function chooseBucket(series) {
  return series.length > 0 && series.length <= 2 ? 'day' : 'month';
}

// ---------- event list (shared by pages) ----------

function eventTable(params, title = 'Events') {
  const box = card(title);
  box.id = 'event-list';
  const body = el('div');
  box.append(body);
  const pageSize = 25;
  async function load(offset) {
    try {
      const result = await api('events', { ...params, offset, limit: pageSize });
      const rows = result.items.map(e => el('tr', {},
        el('td', {}, e.date || ''),
        el('td', {}, quadBadge(e.quad)),
        el('td', {}, el('a', { href: '#/event/' + e.id, class: 'event-link' }, e.code)),
        el('td', {}, e.source || '—', ' → ', e.target || '—'),
        el('td', {}, e.sentence),
        el('td', {}, e.num_mentions)));
      body.replaceChildren(
        el('table', {}, el('thead', {}, el('tr', {}, ['Date', 'Quad', 'Code', 'Dyad', 'Evidence', 'Mentions'].map(h => el('th', {}, h)))),
          el('tbody', {}, rows)),
        el('div', { class: 'pager' },
          el('button', { disabled: offset === 0 ? '' : null, onclick: () => load(Math.max(0, offset - pageSize)) }, '‹ Previous'),
          el('span', { class: 'muted', id: 'event-count' }, result.total === 0 ? 'no events' : `${offset + 1}–${offset + result.items.length} of ${result.total}`),
          el('button', { disabled: offset + pageSize >= result.total ? '' : null, onclick: () => load(offset + pageSize) }, 'Next ›')));
    } catch (error) { showError(body, error); }
  }
  load(0);
  return box;
}

function seriesOption(series, extra = {}) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: series.map(p => p.start) },
    yAxis: [{ type: 'value', name: 'events' }, ...(extra.goldstein ? [{ type: 'value', name: 'Goldstein', min: -10, max: 10 }] : [])],
    series: [
      ...[1, 2, 3, 4].map(q => ({ name: QUAD_NAMES[q], type: 'bar', stack: 'quad', itemStyle: { color: QUAD_COLORS[q] }, data: series.map(p => p['quad' + q]) })),
      ...(extra.goldstein ? [{ name: 'Mean Goldstein', type: 'line', yAxisIndex: 1, itemStyle: { color: '#1d2433' }, data: series.map(p => Number(p.goldstein_mean.toFixed(2))) }] : []),
    ],
  };
}

// ---------- pages ----------

async function overview() {
  const filters = currentFilters();
  const seriesCard = card('Events over time by quad class (click a bar for its events)', chartBox('series-chart', true));
  const dyadsCard = card('Top dyads (click for the dyad view)', chartBox('dyads-chart'));
  const actorsCard = card('Top actors', chartBox('actors-chart'));
  const listHolder = el('div');
  page.replaceChildren(seriesCard, el('div', { class: 'grid' }, dyadsCard, actorsCard), listHolder);
  try {
    const [series, dyads, actors] = await Promise.all([
      api('stats', { ...filters, by: 'month' }), api('top/dyads', { ...filters, limit: 15 }), api('top/actors', { ...filters, limit: 15 })]);
    const by = chooseBucket(series);
    const bucketed = by === 'month' ? series : await api('stats', { ...filters, by });
    const seriesChart = makeChart(document.getElementById('series-chart'), seriesOption(bucketed));
    seriesChart.on('click', params => {
      const start = bucketed[params.dataIndex].start;
      listHolder.replaceChildren(eventTable({ ...filters, from: start, to: periodEnd(start, by), quad: params.seriesIndex + 1 },
        `${QUAD_NAMES[params.seriesIndex + 1]} events from ${start} to ${periodEnd(start, by)}`));
    });
    const dyadLabels = dyads.map(d => `${d.source} → ${d.target}`).reverse();
    const dyadChart = makeChart(document.getElementById('dyads-chart'), {
      tooltip: {}, grid: { left: 150, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: dyadLabels },
      series: [{ type: 'bar', data: dyads.map(d => d.events).reverse(), itemStyle: { color: '#3a6fd8' } }],
    });
    dyadChart.on('click', params => {
      const d = dyads[dyads.length - 1 - params.dataIndex];
      location.hash = `#/dyad?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.target)}`;
    });
    makeChart(document.getElementById('actors-chart'), {
      tooltip: {}, grid: { left: 150, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: actors.map(a => a.name ? `${a.code} (${a.name})` : a.code).reverse() },
      series: [{ type: 'bar', data: actors.map(a => a.events).reverse(), itemStyle: { color: '#7a4fd0' } }],
    });
    listHolder.replaceChildren(eventTable(filters));
  } catch (error) { showError(page, error); }
}

function actorInput(name, value) {
  const input = el('input', { name, value: value || '', list: 'actor-codes', size: 10, placeholder: name === 'a' ? 'USA' : 'CHN' });
  input.addEventListener('input', async () => {
    const prefix = input.value.trim();
    if (!/^[A-Za-z0-9]{1,40}$/.test(prefix)) return;
    try {
      const actors = await api('actors', { prefix, limit: 20 });
      document.getElementById('actor-codes').replaceChildren(...actors.map(a => el('option', { value: a.code }, a.name || a.code)));
    } catch { /* a half-typed code is no error worth showing */ }
  });
  return input;
}

async function dyadView(params) {
  const a = params.get('a') || '';
  const b = params.get('b') || '';
  const form = el('form', { class: 'picker', id: 'dyad-form' },
    el('label', {}, 'Actor A ', actorInput('a', a)), el('label', {}, 'Actor B ', actorInput('b', b)),
    el('datalist', { id: 'actor-codes' }), el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    location.hash = `#/dyad?a=${encodeURIComponent(String(data.get('a')).trim().toUpperCase())}&b=${encodeURIComponent(String(data.get('b')).trim().toUpperCase())}`;
  });
  const holder = el('div');
  page.replaceChildren(form, holder);
  if (!a || !b) { holder.append(el('p', { class: 'muted' }, 'Pick two actors (CAMEO codes such as USA and CHN; prefixes match).')); return; }
  const filters = { ...currentFilters(), dyad: `${a},${b}` };
  delete filters.actor;
  const listHolder = el('div');
  holder.replaceChildren(card(`${a} ↔ ${b}: quad classes and mean Goldstein (click a point for its events)`, chartBox('dyad-chart', true)), listHolder);
  try {
    let series = await api('stats', { ...filters, by: 'month' });
    const by = chooseBucket(series);
    if (by !== 'month') series = await api('stats', { ...filters, by });
    const chart = makeChart(document.getElementById('dyad-chart'), seriesOption(series, { goldstein: true }));
    chart.on('click', clicked => {
      const start = series[clicked.dataIndex].start;
      const quad = clicked.seriesIndex < 4 ? clicked.seriesIndex + 1 : undefined;
      listHolder.replaceChildren(eventTable({ ...filters, from: start, to: periodEnd(start, by), quad },
        `${a} ↔ ${b} events from ${start} to ${periodEnd(start, by)}`));
    });
    listHolder.replaceChildren(eventTable(filters, `${a} ↔ ${b} events`));
  } catch (error) { showError(holder, error); }
}

const MAX_DRAWN_EDGES = 150;

async function networkView() {
  const filters = currentFilters();
  const graph = el('div', { id: 'network-graph' });
  const listHolder = el('div');
  page.replaceChildren(card('Actor network: edges coloured by quad class, width by events (click an edge for its events)', graph), listHolder);
  try {
    const network = await api('network', { ...filters, nodes: 40 });
    // Forty busy actors can share thousands of dyad-quad edges (6,240 on a generated million-event store); drawing
    // them all takes seconds and shows nothing readable, so the graph keeps the heaviest and says so.
    if (network.edges.length > MAX_DRAWN_EDGES) {
      const total = network.edges.length;
      network.edges = [...network.edges].sort((x, y) => y.events - x.events).slice(0, MAX_DRAWN_EDGES);
      page.insertBefore(el('p', { class: 'muted' }, `Showing the ${MAX_DRAWN_EDGES} heaviest of ${total.toLocaleString()} edges.`), listHolder);
    }
    const maxWeight = Math.max(1, ...network.edges.map(e => e.events));
    const maxEvents = Math.max(1, ...network.nodes.map(n => n.events));
    const cy = cytoscape({
      container: graph,
      elements: [
        ...network.nodes.map(n => ({ data: { id: n.code, label: n.code, name: n.name, events: n.events } })),
        ...network.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, quad: e.quad, events: e.events } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#3a6fd8',
          width: n => 14 + 36 * Math.sqrt(n.data('events') / maxEvents), height: n => 14 + 36 * Math.sqrt(n.data('events') / maxEvents) } },
        { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', opacity: 0.8,
          'line-color': e => QUAD_COLORS[e.data('quad')], 'target-arrow-color': e => QUAD_COLORS[e.data('quad')],
          width: e => 1 + 7 * e.data('events') / maxWeight } },
      ],
      // The force layout costs grow with edges; beyond a few hundred a circle is as readable and near instant.
      layout: { name: network.nodes.length > 60 || network.edges.length > 100 ? 'circle' : 'cose', animate: false, randomize: false },
    });
    teardown.push(() => cy.destroy());
    window.dyadNetwork = cy;
    cy.on('tap', 'edge', event => {
      const d = event.target.data();
      listHolder.replaceChildren(eventTable({ ...filters, source: d.source, target: d.target, quad: d.quad },
        `${d.source} → ${d.target}: ${QUAD_NAMES[d.quad]}`));
    });
    cy.on('tap', 'node', event => {
      listHolder.replaceChildren(eventTable({ ...filters, actor: event.target.id() }, `Events of ${event.target.id()}`));
    });
    if (network.nodes.length === 0) graph.replaceChildren(el('p', { class: 'muted' }, 'No events match the filters.'));
  } catch (error) { showError(page, error); }
}

let worldShapes = null;
async function mapView() {
  const filters = currentFilters();
  const mapBox = el('div', { id: 'map-view' });
  page.replaceChildren(card('Where events happened (circles by quad class of most events; click for counts)', mapBox));
  try {
    if (!worldShapes) {
      const topology = await (await fetch('vendor/countries-110m.json')).json();
      worldShapes = topojson.feature(topology, topology.objects.countries);
    }
    const places = await api('places', { ...filters, limit: 2000 });
    const map = L.map(mapBox, { worldCopyJump: true, attributionControl: false }).setView([25, 10], 2);
    teardown.push(() => map.remove());
    L.geoJSON(worldShapes, { style: { color: '#9aa3b5', weight: 0.6, fillColor: '#e9edf3', fillOpacity: 1 } }).addTo(map);
    const maxEvents = Math.max(1, ...places.map(p => p.events));
    for (const place of places) {
      const counts = [0, place.quad1, place.quad2, place.quad3, place.quad4];
      const quad = [1, 2, 3, 4].reduce((best, q) => counts[q] > counts[best] ? q : best, 1);
      L.circleMarker([place.lat, place.lon], { radius: 4 + 16 * Math.sqrt(place.events / maxEvents), color: QUAD_COLORS[quad], fillOpacity: 0.6, weight: 1 })
        .addTo(map)
        .bindTooltip(`${place.name || ''} ${place.country || ''}: ${place.events} events`)
        .bindPopup(`<b>${escapeHtml(place.name || '')}</b> ${escapeHtml(place.country || '')}<br>${[1, 2, 3, 4].map(q => `${QUAD_NAMES[q]}: ${counts[q]}`).join('<br>')}`);
    }
    window.dyadMapPlaces = places.length;
  } catch (error) { showError(page, error); }
}

function highlightSentence(sentence, parts) {
  // Marks the coded source, verb and target words in the sentence (their first occurrence, non-overlapping).
  const spans = [];
  for (const [role, text] of parts) {
    if (!text) continue;
    const at = sentence.indexOf(text);
    if (at >= 0 && !spans.some(s => at < s.end && s.start < at + text.length)) spans.push({ start: at, end: at + text.length, role });
  }
  spans.sort((x, y) => x.start - y.start);
  const out = el('span', { class: 'sentence' });
  let at = 0;
  for (const span of spans) {
    out.append(sentence.slice(at, span.start), el('span', { class: 'role-' + span.role, title: span.role }, sentence.slice(span.start, span.end)));
    at = span.end;
  }
  out.append(sentence.slice(at));
  return out;
}

async function eventView(id) {
  try {
    const detail = await api('events/' + encodeURIComponent(id));
    const e = detail.event;
    const c = detail.coding;
    const facts = el('dl', { class: 'facts' },
      ...[['Date', e.date], ['Source', `${e.source || '—'} ${e.source_name ? '(' + e.source_name + ')' : ''}`],
        ['Target', `${e.target || '—'} ${e.target_name ? '(' + e.target_name + ')' : ''}`],
        ['CAMEO code', `${e.code} (root ${e.root})`], ['PLOVER', e.plover || '—'], ['Quad class', QUAD_NAMES[e.quad]],
        ['Goldstein', e.goldstein], ['Place', e.location ? [e.location.name, e.location.country].filter(Boolean).join(', ') : '—'],
        ['Rule', c.rule || '—'], ['Confidence', c.confidence], ['Negated', c.negated ? 'yes' : 'no'],
        ['Mentions', `${e.num_mentions} in ${e.num_articles} documents from ${e.num_sources} outlets`]]
        .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v ?? '—')]));
    const trace = el('div', { id: 'event-explanation' }, el('p', { class: 'muted' }, 'Coding the sentence again to show its dependency path…'));
    const mentions = el('table', {}, el('thead', {}, el('tr', {}, ['Document', 'Date', 'Outlet', 'Sentence', 'Rule'].map(h => el('th', {}, h)))),
      el('tbody', {}, detail.mentions.map(m => el('tr', {},
        el('td', {}, el('a', { href: '#/document/' + encodeURIComponent(m.doc_id), class: 'doc-link' }, m.doc_id)),
        el('td', {}, m.document_date), el('td', {}, m.outlet || '—'),
        el('td', {}, highlightSentence(m.sentence, [['source', m.source_text], ['verb', m.verb_text], ['target', m.target_text]])),
        el('td', {}, m.rule || '—')))));
    page.replaceChildren(
      card(`Event ${e.id}`, el('p', { id: 'event-sentence' }, highlightSentence(c.sentence, [['source', c.source_text], ['verb', c.verb_text], ['target', c.target_text]])),
        el('p', { class: 'muted' }, el('span', { class: 'role-source' }, 'source'), ' ', el('span', { class: 'role-verb' }, 'verb'), ' ', el('span', { class: 'role-target' }, 'target')), facts),
      card('How it was coded', trace),
      card(`All mentions (${detail.mentions.length})`, mentions));
    showExplanation(trace, e.id);
  } catch (error) { showError(page, error); }
}

// The rule, the dependency path from source to target and each decision; asked separately because the server codes
// the event's document again to give them (the first time it also loads the models).
async function showExplanation(box, id) {
  try {
    const x = await api(`events/${encodeURIComponent(id)}/explanation`);
    if (!x.recoded) {
      box.replaceChildren(el('p', { class: 'muted' }, `Rule: ${x.rule || '—'}. Coding the document again no longer gives this event (the models changed since it was stored), so its path cannot be shown.`));
      return;
    }
    box.replaceChildren(
      el('dl', { class: 'facts' }, el('dt', {}, 'Rule'), el('dd', {}, x.rule || '—'),
        el('dt', {}, 'Dependency path'), el('dd', {}, el('code', { id: 'event-path' }, x.path || '—'))),
      el('pre', { id: 'event-steps' }, x.steps.join('\n')));
  } catch (error) { showError(box, error); }
}

const ENTITY_NAMES = { PER: 'person', ORG: 'organisation', LOC: 'place' };

// Which of the given non-overlapping, start-sorted spans covers [from, to), if any; `next` walks forward with the text.
function coverer(spans) {
  let next = 0;
  return (from, to) => {
    while (next < spans.length && spans[next].char_end <= from) next++;
    const span = spans[next];
    return span && span.char_start <= from && to <= span.char_end ? span : null;
  };
}

// Spans sorted by start with overlaps dropped (first come first kept) and offsets outside the text ignored.
function disjoint(spans, length) {
  const kept = [];
  for (const span of [...spans].sort((x, y) => x.char_start - y.char_start || y.char_end - x.char_end)) {
    if (!(span.char_start >= 0 && span.char_end <= length && span.char_start < span.char_end)) continue;
    if (kept.length && span.char_start < kept[kept.length - 1].char_end) continue;
    kept.push(span);
  }
  return kept;
}

// The document text cut at every boundary of an event, entity, quote or speaker; each piece is wrapped in what covers
// it: the coded event outermost (a mark that opens the event), then the quote, the speaker, the entity.
function markedText(doc) {
  const text = doc.text;
  const events = disjoint(doc.events, text.length);
  const entities = disjoint(doc.entities, text.length);
  const quotes = disjoint(doc.quotes, text.length);
  const speakers = disjoint(doc.quotes.filter(q => q.speaker_start != null)
    .map(q => ({ char_start: q.speaker_start, char_end: q.speaker_end, quote: q })), text.length);
  const cuts = new Set([0, text.length]);
  for (const span of [...events, ...entities, ...quotes, ...speakers]) { cuts.add(span.char_start); cuts.add(span.char_end); }
  const bounds = [...cuts].sort((x, y) => x - y);
  const [eventAt, entityAt, quoteAt, speakerAt] = [events, entities, quotes, speakers].map(coverer);
  const body = el('div', { class: 'doc-text', id: 'document-text' });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    let node = document.createTextNode(text.slice(from, to));
    const entity = entityAt(from, to);
    if (entity) node = el('span', { class: 'ent ent-' + entity.type, title: `${ENTITY_NAMES[entity.type] || entity.type}: ${entity.text}${entity.actor ? ' = ' + entity.actor : ' (no actor code)'}` }, node);
    const speaker = speakerAt(from, to);
    if (speaker) node = el('span', { class: 'speaker', title: `speaker of ${speaker.quote.text.slice(0, 60)}…` }, node);
    const quote = quoteAt(from, to);
    if (quote) node = el('span', { class: 'quote', title: `quote, said by ${quote.speaker || 'an unnamed speaker'}${quote.speaker_actor ? ' (' + quote.speaker_actor + ')' : ''}` }, node);
    const ev = eventAt(from, to);
    if (ev) node = el('mark', { class: 'ev q' + ev.quad, 'data-event': ev.event_id, title: `${ev.code} ${ev.source || '—'} → ${ev.target || '—'} (${ev.rule || ''})`,
      onclick: () => { location.hash = '#/event/' + ev.event_id; } }, node);
    body.append(node);
  }
  return body;
}

async function documentView(id) {
  try {
    const doc = await api('document', { id });
    const legend = el('p', { class: 'muted legend' }, 'Marked: ', el('mark', { class: 'ev q1' }, 'coded event (colour by quad class, click to open)'), ' ',
      ...Object.entries(ENTITY_NAMES).map(([type, name]) => el('span', { class: 'ent ent-' + type }, name)), ' ',
      el('span', { class: 'quote' }, 'quote'), ' ', el('span', { class: 'speaker' }, 'speaker'));
    const list = el('table', { id: 'document-events' }, el('thead', {}, el('tr', {}, ['Sentence', 'Quad', 'Code', 'Dyad', 'Words'].map(h => el('th', {}, h)))),
      el('tbody', {}, doc.events.map(ev => el('tr', {}, el('td', {}, ev.sentence_index), el('td', {}, quadBadge(ev.quad)),
        el('td', {}, el('a', { href: '#/event/' + ev.event_id }, ev.code)), el('td', {}, `${ev.source || '—'} → ${ev.target || '—'}`),
        el('td', {}, [ev.source_text, ev.verb_text, ev.target_text].filter(Boolean).join(' · '))))));
    const entities = el('table', { id: 'document-entities' }, el('thead', {}, el('tr', {}, ['Name', 'Type', 'Actor', 'Mentions'].map(h => el('th', {}, h)))),
      el('tbody', {}, entityRows(doc.entities).map(e => el('tr', {}, el('td', {}, el('span', { class: 'ent ent-' + e.type }, e.text)),
        el('td', {}, ENTITY_NAMES[e.type] || e.type), el('td', {}, e.actor || '—'), el('td', {}, e.count)))));
    const quotes = el('table', { id: 'document-quotes' }, el('thead', {}, el('tr', {}, ['Speaker', 'Actor', 'Quote'].map(h => el('th', {}, h)))),
      el('tbody', {}, doc.quotes.map(q => el('tr', {}, el('td', {}, q.speaker || '—'), el('td', {}, q.speaker_actor || '—'), el('td', {}, q.text)))));
    page.replaceChildren(
      card(doc.title || doc.id, el('p', { class: 'muted' }, [doc.date, doc.outlet, doc.url].filter(Boolean).join(' · '),
        ` · ${doc.sentences.length} sentences, ${doc.events.length} coded events, ${doc.entities.length} named entities, ${doc.quotes.length} quotes`),
        legend, markedText(doc)),
      card(`Coded events (${doc.events.length})`, list),
      el('div', { class: 'grid' }, card('Named entities', entities), card(`Quotes (${doc.quotes.length})`, quotes)));
  } catch (error) { showError(page, error); }
}

// One row per distinct name and type, with the actor it resolved to (the first one given) and how often it occurs.
function entityRows(entities) {
  const rows = new Map();
  for (const e of entities) {
    const key = e.type + '\u0000' + e.text;
    const row = rows.get(key) || { text: e.text, type: e.type, actor: null, count: 0 };
    row.actor = row.actor || e.actor;
    row.count++;
    rows.set(key, row);
  }
  return [...rows.values()].sort((x, y) => y.count - x.count || x.text.localeCompare(y.text));
}

function ingestView() {
  const token = el('input', { id: 'token', size: 50, value: sessionStorage.getItem('dyad-token') || '', placeholder: 'printed by dyad serve at start' });
  token.addEventListener('change', () => sessionStorage.setItem('dyad-token', token.value.trim()));
  const status = el('div', { id: 'ingest-status' });
  const form = el('form', { id: 'article-form' },
    el('p', {}, el('label', {}, 'Date ', el('input', { type: 'date', name: 'date', required: '' })), ' ',
      el('label', {}, 'Title ', el('input', { name: 'title', size: 40 })), ' ',
      el('label', {}, 'Outlet ', el('input', { name: 'source', size: 16 }))),
    el('textarea', { name: 'text', required: '', placeholder: 'Paste the article text here' }),
    el('p', {}, el('button', { type: 'submit' }, 'Code and store')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    status.replaceChildren(el('progress'), ' coding…');
    try {
      const response = await fetch('/api/ingest/article', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token.value.trim() }, body: JSON.stringify(data) });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      showReport(body);
    } catch (error) { showError(status, error); }
  });
  const drop = el('div', { class: 'drop', id: 'drop-zone' }, 'Drop files here (text, HTML, JSON, JSONL, feeds) or ', el('input', { type: 'file', multiple: '', id: 'file-input' }));
  const fileDate = el('input', { type: 'date', id: 'file-date' });
  drop.addEventListener('dragover', event => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', event => { event.preventDefault(); drop.classList.remove('over'); upload([...event.dataTransfer.files]); });
  drop.querySelector('input').addEventListener('change', event => upload([...event.target.files]));

  function upload(files) {
    if (!files.length) return;
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    if (fileDate.value) form.append('date', fileDate.value);
    const bar = el('progress', { max: 100, value: 0 });
    status.replaceChildren(bar, ` uploading ${files.length} file(s)…`);
    const request = new XMLHttpRequest();
    request.open('POST', '/api/ingest/files');
    request.setRequestHeader('Authorization', 'Bearer ' + token.value.trim());
    request.upload.onprogress = e => { if (e.lengthComputable) bar.value = 100 * e.loaded / e.total; };
    request.upload.onload = () => status.replaceChildren(el('progress'), ' coding…');
    request.onload = () => {
      let body;
      try { body = JSON.parse(request.responseText); } catch { body = { error: request.statusText }; }
      if (request.status !== 200) showError(status, new Error(body.error || request.statusText)); else showReport(body);
    };
    request.onerror = () => showError(status, new Error('upload failed'));
    request.send(form);
  }

  function showReport(report) {
    status.replaceChildren(el('p', { id: 'ingest-report' },
      `${report.documents} document(s) read: ${report.added} stored, ${report.already_stored} already stored; ${report.mentions} event mention(s), ${report.new_events} new event(s).`),
      el('ul', {}, report.doc_ids.map(id => el('li', {}, el('a', { href: '#/document/' + encodeURIComponent(id), class: 'doc-link' }, id)))),
      ...(report.skipped.length ? [el('p', { class: 'error' }, 'Skipped: ' + report.skipped.join('; '))] : []));
    refreshSummary();
  }

  page.replaceChildren(
    card('Write token', token),
    card('Paste an article', form),
    card('Upload files', el('p', {}, el('label', {}, 'Date for files without one ', fileDate)), drop),
    status);
}

// ---------- routing ----------

const routes = {
  overview: { render: overview, filters: true },
  dyad: { render: dyadView, filters: true },
  network: { render: networkView, filters: true },
  map: { render: mapView, filters: true },
  event: { render: eventView, filters: false },
  document: { render: documentView, filters: false },
  ingest: { render: ingestView, filters: false },
};

function route() {
  for (const chart of charts) chart.dispose();
  charts = [];
  for (const done of teardown) done();
  teardown = [];
  const hash = location.hash.replace(/^#\/?/, '') || 'overview';
  const [path, query = ''] = hash.split('?');
  const [name, ...rest] = path.split('/');
  const target = routes[name] || routes.overview;
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  filterForm.classList.toggle('hidden', !target.filters);
  const argument = rest.length ? decodeURIComponent(rest.join('/')) : new URLSearchParams(query);
  page.dataset.page = name;
  page.dataset.ready = 'no';
  Promise.resolve(target.render(argument)).finally(() => { page.dataset.ready = 'yes'; });
}

async function refreshSummary() {
  try {
    const s = await api('summary');
    document.getElementById('store-summary').textContent = `${s.events.toLocaleString()} events · ${s.mentions.toLocaleString()} mentions · ${s.documents.toLocaleString()} documents`;
  } catch (error) { document.getElementById('store-summary').textContent = String(error.message); }
}

filterForm.addEventListener('submit', event => {
  event.preventDefault();
  document.getElementById('filter-error').textContent = '';
  route();
});
document.getElementById('clear-filters').addEventListener('click', () => { filterForm.reset(); route(); });
window.addEventListener('hashchange', route);
window.addEventListener('resize', () => charts.forEach(c => c.resize()));
refreshSummary();
route();
