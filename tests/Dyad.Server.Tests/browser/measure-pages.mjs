// Times each dashboard page in headless Debian chromium against a running `dyad serve` (DYAD_URL): from navigation
// until the page has drawn its data (#page[data-ready=yes]); median of 5 loads after a warm-up. A measurement tool,
// not a test: `DYAD_URL=http://127.0.0.1:8321 node measure-pages.mjs [#/route ...]`.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.DYAD_URL;
const routes = process.argv.length > 2 ? process.argv.slice(2)
  : ['#/overview', '#/dyad?a=USA&b=CHN', '#/network', '#/map', '#/event/123456', '#/document/gen-doc-24691'];
const profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.DYAD_CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await context.newPage();
console.log('| page | median ms | max ms |');
console.log('| --- | --- | --- |');
for (const route of routes) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    await page.goto('about:blank');
    const start = Date.now();
    await page.goto(`${base}/${route}`);
    await page.waitForSelector('#page[data-ready="yes"]', { timeout: 60000 });
    if (i > 0) times.push(Date.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`| \`${route}\` | ${times[2]} | ${times[times.length - 1]} |`);
}
await context.close();
rmSync(profile, { recursive: true, force: true });
