// Drives the Dyad dashboard in headless Debian chromium. Run by BrowserTests.cs with DYAD_URL (a running server over
// a store coded from the examples), DYAD_TOKEN (its write token) and DYAD_ARTIFACTS (where screenshots go).
// Prints one "ok"/"not ok" line per check and exits non-zero when any check failed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.DYAD_URL;
const token = process.env.DYAD_TOKEN;
const artifacts = process.env.DYAD_ARTIFACTS || 'artifacts';
const executablePath = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));

// A fresh profile for every run: nothing cached or remembered from an earlier one.
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await context.newPage();
const consoleErrors = [];
page.on('console', message => { if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`); });
page.on('pageerror', error => consoleErrors.push(`${page.url()}: ${error.message}`));
// Fully offline: any request leaving the server is a failure.
page.on('request', request => { if (!request.url().startsWith(base) && !request.url().startsWith('data:')) consoleErrors.push(`external request: ${request.url()}`); });

let failures = 0;
/** Runs one check; console errors fail it, except those matching `expectedErrors` (a refused write logs its 401). */
async function check(name, body, expectedErrors = null) {
  const errorsBefore = consoleErrors.length;
  const started = Date.now();
  try {
    await body();
    const errors = consoleErrors.slice(errorsBefore).filter(e => !(expectedErrors && expectedErrors.test(e)));
    if (errors.length > 0) throw new Error('console errors: ' + errors.join(' | '));
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures++;
    console.log(`not ok - ${name}: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: join(artifacts, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

function assert(condition, message) { if (!condition) throw new Error(message); }

async function open(hash) {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('#page[data-ready="yes"]', { timeout: 15000 });
}

async function reroute() {
  await page.waitForSelector('#page[data-ready="yes"]', { timeout: 15000 });
}

/** Number of series data points an ECharts chart holds (0 when absent). */
async function chartPoints(id) {
  return page.evaluate(chartId => {
    const chart = echarts.getInstanceByDom(document.getElementById(chartId));
    if (!chart) return 0;
    return chart.getOption().series.reduce((sum, s) => sum + s.data.filter(v => v !== 0 && v !== null).length, 0);
  }, id);
}

/** Clicks, with the mouse, the middle of the first non-empty bar of an ECharts chart. */
async function clickFirstPoint(id) {
  const point = await page.evaluate(chartId => {
    const box = document.getElementById(chartId);
    const chart = echarts.getInstanceByDom(box);
    const series = chart.getOption().series;
    for (let s = 0; s < series.length; s++) {
      if (series[s].type !== 'bar') continue;
      const i = series[s].data.findIndex(v => v);
      if (i < 0) continue;
      let base = 0;
      for (let below = 0; below < s; below++) if (series[below].stack && series[below].stack === series[s].stack) base += series[below].data[i] || 0;
      const [x, y] = chart.convertToPixel({ seriesIndex: s }, [i, base + series[s].data[i] / 2]);
      const rect = box.getBoundingClientRect();
      return { x: rect.left + x, y: rect.top + y };
    }
    return null;
  }, id);
  assert(point, `no bar to click in ${id}`);
  await page.mouse.click(point.x, point.y);
}

async function eventCount() {
  const text = await page.textContent('#event-count');
  const match = /of (\d+)/.exec(text || '');
  return match ? Number(match[1]) : 0;
}

await check('overview renders the series, dyad and actor charts', async () => {
  await open('#/overview');
  await page.waitForSelector('#event-count');
  assert(await chartPoints('series-chart') > 0, 'the series chart is empty');
  assert(await chartPoints('dyads-chart') > 0, 'the top dyads chart is empty');
  assert(await chartPoints('actors-chart') > 0, 'the top actors chart is empty');
  assert(await eventCount() > 0, 'the event list is empty');
  await page.screenshot({ path: join(artifacts, 'overview.png'), fullPage: true });
});

await check('a filter changes the data', async () => {
  await open('#/overview');
  await page.waitForSelector('#event-count');
  const before = await eventCount();
  await page.selectOption('#filters select[name=quad]', '4');
  await page.click('#filters button[type=submit]');
  await reroute();
  await page.waitForSelector('#event-count');
  const after = await eventCount();
  assert(after < before, `quad 4 shows ${after} events, all quads ${before}`);
  const quads = await page.$$eval('#event-list tbody .q', badges => badges.map(b => b.textContent));
  assert(quads.every(q => q === '4'), `rows of other quads: ${quads}`);
  await page.click('#clear-filters');
  await reroute();
});

await check('clicking a chart point lists its events', async () => {
  await open('#/overview');
  await page.waitForSelector('#event-count');
  await clickFirstPoint('series-chart');
  await page.waitForFunction(() => /events from/.test(document.querySelector('#event-list h2')?.textContent || ''), null, { timeout: 10000 });
  await page.waitForSelector('#event-list tbody tr');
  const heading = await page.textContent('#event-list h2');
  const rows = await page.$$('#event-list tbody tr');
  assert(rows.length > 0, `no events listed under "${heading}"`);
});

let dyadPair = null;
await check('dyad view shows the series of two actors and their events', async () => {
  const dyads = await (await fetch(`${base}/api/top/dyads?limit=1`)).json();
  dyadPair = [dyads[0].source, dyads[0].target];
  await open(`#/dyad?a=${dyadPair[0]}&b=${dyadPair[1]}`);
  await page.waitForSelector('#event-count');
  assert(await chartPoints('dyad-chart') > 0, 'the dyad chart is empty');
  assert(await eventCount() > 0, 'no dyad events listed');
  await clickFirstPoint('dyad-chart');
  await page.waitForFunction(() => /events from/.test(document.querySelector('#event-list h2')?.textContent || ''), null, { timeout: 10000 });
  await page.screenshot({ path: join(artifacts, 'dyad.png'), fullPage: true });
});

await check('network draws actors and coloured edges', async () => {
  await open('#/network');
  const counts = await page.evaluate(() => ({ nodes: window.dyadNetwork.nodes().length, edges: window.dyadNetwork.edges().length }));
  assert(counts.nodes > 1 && counts.edges > 0, `network has ${counts.nodes} nodes and ${counts.edges} edges`);
  await page.evaluate(() => window.dyadNetwork.edges()[0].emit('tap'));
  await page.waitForSelector('#event-list tbody tr', { timeout: 10000 });
  await page.screenshot({ path: join(artifacts, 'network.png'), fullPage: true });
});

await check('map draws countries and event places', async () => {
  await open('#/map');
  const shapes = await page.$$eval('#map-view path.leaflet-interactive', paths => paths.length);
  const places = await (await fetch(`${base}/api/places`)).json();
  // Country shapes plus one circle per place the API returned (the coder may not have placed any event yet).
  assert(shapes > 100, `only ${shapes} shapes on the map`);
  assert(await page.evaluate(() => window.dyadMapPlaces) === places.length, 'the map does not show every place');
  await page.screenshot({ path: join(artifacts, 'map.png'), fullPage: true });
});

await check('event view highlights the coded words and lists mentions', async () => {
  const events = await (await fetch(`${base}/api/events?limit=1`)).json();
  await open(`#/event/${events.items[0].id}`);
  const roles = await page.$$eval('#event-sentence [class^=role-]', spans => spans.map(s => s.className));
  assert(roles.includes('role-verb'), `highlighted roles: ${roles}`);
  assert(await page.$$eval('a.doc-link', links => links.length) > 0, 'no mentions listed');
  await page.screenshot({ path: join(artifacts, 'event.png'), fullPage: true });
  await page.click('a.doc-link');
  await reroute();
  const marks = await page.$$eval('#document-text mark.ev', m => m.length);
  assert(marks > 0, 'no events marked in the document');
});

await check('event view shows the rule and the dependency path', async () => {
  const events = await (await fetch(`${base}/api/events?limit=1`)).json();
  await open(`#/event/${events.items[0].id}`);
  // The server codes the document again for the path (the first time it loads the models).
  await page.waitForFunction(() => (document.querySelector('#event-path')?.textContent || '').length > 3, null, { timeout: 60000 });
  const path = await page.textContent('#event-path');
  assert(/[<>]/.test(path), `dependency path: ${path}`);
  await page.screenshot({ path: join(artifacts, 'event.png'), fullPage: true });
});

await check('document view marks entities by type, quotes with speakers, and links events', async () => {
  const events = await (await fetch(`${base}/api/events?text=Kazakhstan&limit=500`)).json();
  let quoted = null;
  for (const id of new Set(events.items.map(e => e.doc_id))) {
    const doc = await (await fetch(`${base}/api/document?id=${encodeURIComponent(id)}`)).json();
    if (doc.quotes.length > 0) { quoted = doc; break; }
  }
  assert(quoted, 'no stored document with quotes');
  await open(`#/document/${encodeURIComponent(quoted.id)}`);
  await page.waitForSelector('#document-text');
  const types = await page.$$eval('#document-text .ent', spans => [...new Set(spans.map(s => s.className))]);
  assert(types.includes('ent ent-PER') && types.includes('ent ent-LOC'), `entity types marked: ${types}`);
  const quotes = await page.$$eval('#document-text .quote', spans => spans.map(s => s.textContent).join(''));
  for (const q of quoted.quotes) assert(quotes.includes(q.text.slice(1, 20)), `quote not marked: ${q.text}`);
  assert(await page.$$eval('#document-text .speaker', s => s.length) > 0, 'no speaker marked');
  assert(await page.$$eval('#document-quotes tbody tr', rows => rows.length) === quoted.quotes.length, 'quote list incomplete');
  assert(await page.$$eval('#document-entities tbody tr', rows => rows.length) > 0, 'entity list empty');
  await page.screenshot({ path: join(artifacts, 'document.png'), fullPage: true });
  await page.click('#document-text mark.ev');
  await reroute();
  assert(/^#\/event\/\d+$/.test(await page.evaluate(() => location.hash)), 'clicking a marked event does not open it');
  await page.waitForSelector('#event-sentence');
});

await check('a write without the token is refused on the ingest page', async () => {
  await open('#/ingest');
  await page.evaluate(() => sessionStorage.removeItem('dyad-token'));
  await page.fill('#token', '');
  await page.fill('#article-form input[name=date]', '2017-06-01');
  await page.fill('#article-form textarea', 'Russia threatened Ukraine with sanctions.');
  await page.click('#article-form button[type=submit]');
  await page.waitForSelector('#ingest-status .error');
  const message = await page.textContent('#ingest-status .error');
  assert(/token/.test(message), `refusal says: ${message}`);
}, /status of 401/);

await check('the ingest page adds a pasted article whose events then appear', async () => {
  await open('#/ingest');
  await page.fill('#token', token);
  await page.fill('#article-form input[name=date]', '2016-09-14');
  await page.fill('#article-form input[name=title]', 'Browser test article');
  await page.fill('#article-form textarea', 'Turkey condemned Syria for the air strikes on Tuesday. Syrian forces attacked rebel positions near Aleppo.');
  await page.click('#article-form button[type=submit]');
  await page.waitForSelector('#ingest-report', { timeout: 30000 });
  const report = await page.textContent('#ingest-report');
  assert(/1 stored/.test(report), `report: ${report}`);
  await page.screenshot({ path: join(artifacts, 'ingest.png'), fullPage: true });
  await open('#/overview');
  await page.fill('#filters input[name=from]', '2016-09-01');
  await page.fill('#filters input[name=to]', '2016-09-30');
  await page.click('#filters button[type=submit]');
  await reroute();
  await page.waitForSelector('#event-count');
  assert(await eventCount() > 0, 'the pasted article\'s events do not appear');
});

await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${failures === 0 ? 'all checks passed' : failures + ' check(s) failed'}`);
process.exit(failures === 0 ? 0 : 1);
