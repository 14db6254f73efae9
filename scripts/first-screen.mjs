// Measures what a visitor of the demo ministry page lives on a slow phone: Lighthouse's mobile
// profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower) in Debian's
// Chromium, three fresh visits (nothing cached), the median of each figure:
//
//   - text visible: the widget's welcome drawn in the frame, from the start of the host
//     page's own load, and as a multiple of the time to the host page's load event;
//   - first step usable: the visitor presses "Beginnen" the moment the welcome shows, and the
//     first question is there to answer (the server renders it with the page: the page's
//     script shows it, without the widget's WebAssembly), and apart what of it was the test's
//     own press (Playwright's checks before it clicks, slow under the throttled CPU; a person
//     presses later anyway) and what came after the press;
//   - second step usable: that visitor answers the first question at once and presses
//     "Weiter", and the ranking is there (this takes the widget's WebAssembly);
//   - the same for a visitor who reads the welcome for 5 s first, from the press (the widget
//     has loaded while the browser was idle);
//   - what the embedded widget transferred (on the wire, headers included) for the requests it
//     made before its text was visible (the first screen), once the second step is there and
//     the network is quiet (the page and all the widget's files), and for the whole flow: the
//     visitor goes on, ranks a goal, sends the response and the receipt shows.
//
// Writes the figures into BENCHMARKS.md (between the first-screen markers) and prints them.
// Usage: node scripts/first-screen.mjs  (after scripts/build.sh, which builds the server with the
// `server` profile; MITREDEN_BIN, MITREDEN_WIDGET_DIR and MITREDEN_DASHBOARD_DIR as for the
// end-to-end tests choose others).
import { readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const RUNS = 3;
process.env.MITREDEN_BIN ??= 'target/server/mitreden-server';
const PROFILE = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const CPU_SLOWDOWN = 4;
// How long the second set of visitors reads the welcome before pressing "Beginnen".
const READING_MS = 5000;

// Runs in every frame before its own scripts: notes when the welcome's heading, the first
// question and the second step's heading are drawn (the frame after they are in the document
// and shown), and when "Beginnen" and "Weiter" were pressed, on the host page's clock.
function watch() {
  const seen = {};
  const note = (name, selector) => {
    if (seen[name] || !document.querySelector(selector)) return;
    seen[name] = true;
    requestAnimationFrame(() => {
      window.__mtr = { ...(window.__mtr ?? {}), [name]: performance.timeOrigin + performance.now() };
    });
  };
  const pressed = { start: 'press', next: 'next' };
  document.addEventListener(
    'click',
    (event) => {
      const name = pressed[event.target.closest?.('[data-mtr-act]')?.getAttribute('data-mtr-act')];
      if (!name || window.__mtr?.[name]) return;
      window.__mtr = { ...(window.__mtr ?? {}), [name]: performance.timeOrigin + performance.now() };
    },
    { capture: true },
  );
  new MutationObserver(() => {
    note('text', '#mtr-title');
    note('step', '#mtr-who:not([hidden]) input[type=radio]');
    note('second', '#mtr-step-heading');
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

async function visit(browser, server, { reading = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.addInitScript(watch);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', PROFILE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Each of the widget's requests: when it was asked for, and what came over the wire.
  const asked = new Map();
  const bytes = [];
  cdp.on('Network.requestWillBeSent', (e) => asked.set(e.requestId, { at: Date.now(), url: e.request.url }));
  cdp.on('Network.loadingFinished', (e) => {
    const request = asked.get(e.requestId);
    if (request?.url.startsWith(server.widgetOrigin)) bytes.push({ ...request, size: e.encodedDataLength });
  });

  await page.goto(server.demoUrl, { waitUntil: 'commit' });
  const start = await page.evaluate(() => performance.timeOrigin);
  const iframe = page.locator('iframe[data-mitreden-frame="demo"]');
  await iframe.waitFor({ state: 'attached' });
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForFunction(() => window.__mtr?.text, null, { polling: 50, timeout: 60000 });
  const textAt = await frame.evaluate(() => window.__mtr.text);
  // The host page's own load event, on its clock: what the widget's text is compared with.
  const hostLoad = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const done = () => resolve(performance.getEntriesByType('navigation')[0].loadEventEnd);
        if (performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0) done();
        else addEventListener('load', () => setTimeout(done), { once: true });
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, reading));
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.waitForFunction(() => window.__mtr?.step, null, { polling: 50, timeout: 60000 });
  await frame.locator('#mtr-who input[type=radio]').first().check();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.waitForFunction(() => window.__mtr?.second, null, { polling: 50, timeout: 60000 });
  const { step: stepAt, press: pressAt, second: secondAt, next: nextAt } = await frame.evaluate(() => window.__mtr);
  const quiet = async () => {
    await page.waitForLoadState('networkidle');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return bytes.reduce((sum, b) => sum + b.size, 0);
  };
  const widget = await quiet();
  // The rest of the flow: one goal ranked, no position taken, nothing proposed, sent; the
  // receipt (and whatever it asks the server for) shown.
  await frame.getByRole('button', { name: /: einordnen$/ }).first().click();
  for (let i = 0; i < 3; i++) await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  await frame.getByTestId('receipt-code').waitFor({ timeout: 60000 });
  const whole = await quiet();
  // The first screen: what was asked for before the text showed (each request in full).
  const firstScreen = bytes.filter((b) => b.at <= textAt).reduce((sum, b) => sum + b.size, 0);
  await context.close();
  return {
    text: textAt - start,
    hostLoad,
    step: stepAt - start,
    afterPress: stepAt - pressAt,
    second: secondAt - start,
    afterNext: secondAt - nextAt,
    firstScreen,
    widget,
    whole,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

const server = await startServer();
const browser = await launchBrowser();
const runs = [];
const readers = [];
try {
  for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, server));
  for (let i = 0; i < RUNS; i++) readers.push(await visit(browser, server, { reading: READING_MS }));
} finally {
  await browser.close();
  await server.stop();
}
const figures = {
  text: median(runs.map((r) => r.text)),
  hostLoad: median(runs.map((r) => r.hostLoad)),
  ratio: median(runs.map((r) => r.text / r.hostLoad)),
  step: median(runs.map((r) => r.step)),
  // Of "first step usable": how long the test's own press took after the welcome showed
  // (Playwright's checks before a click, under the 4× slower CPU), and the rest, from the press.
  press: median(runs.map((r) => r.step - r.afterPress - r.text)),
  afterPress: median(runs.map((r) => r.afterPress)),
  firstScreen: median(runs.map((r) => r.firstScreen)),
  widget: median(runs.map((r) => r.widget)),
  whole: median(runs.map((r) => r.whole)),
  second: median(runs.map((r) => r.second)),
  afterNext: median(runs.map((r) => r.afterNext)),
  readerStep: median(readers.map((r) => r.afterPress)),
  readerSecond: median(readers.map((r) => r.afterNext)),
};
const rows = [
  ['widget text visible', seconds(figures.text), '≤ 1.5 s'],
  ['… as a multiple of the host page\'s own load (its load event at ' + seconds(figures.hostLoad) + ')', `${figures.ratio.toFixed(2)}×`, '≤ 1.3×'],
  ['first step usable', seconds(figures.step), '≤ 2.0 s'],
  ['… of which the test\'s own press after the welcome showed / from the press to the first step', `${seconds(figures.press)} / ${seconds(figures.afterPress)}`, '—'],
  ['second step usable, answering the first question at once (from "Weiter")', `${seconds(figures.second)} (${seconds(figures.afterNext)})`, '—'],
  ['after 5 s on the welcome, from the press to the first step / from "Weiter" to the second', `${seconds(figures.readerStep)} / ${seconds(figures.readerSecond)}`, '—'],
  ['first screen transferred', kb(figures.firstScreen), '≤ 15 KB'],
  ['transferred by the second step (the page and all the widget\'s files)', kb(figures.widget), '—'],
  ['whole flow transferred, to the receipt', kb(figures.whole), '≤ 200 KB'],
];
const table = [
  '| measured | median of 3 | goal |',
  '|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Measured on ${new Date().toISOString().slice(0, 10)} with ${process.env.MITREDEN_BIN}. Runs (text / host page loaded / first step / second step / first screen / by the second step / whole flow): ${runs.map((r) => `${seconds(r.text)} / ${seconds(r.hostLoad)} / ${seconds(r.step)} / ${seconds(r.second)} / ${kb(r.firstScreen)} / ${kb(r.widget)} / ${kb(r.whole)}`).join('; ')}. After 5 s on the welcome, press to first step / "Weiter" to second: ${readers.map((r) => `${seconds(r.afterPress)} / ${seconds(r.afterNext)}`).join('; ')}.`,
].join('\n');
console.log(table);

const file = new URL('../BENCHMARKS.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
const begin = '<!-- first-screen:begin -->';
const end = '<!-- first-screen:end -->';
const at = doc.indexOf(begin);
const until = doc.indexOf(end);
if (at < 0 || until < at) throw new Error('BENCHMARKS.md lacks the first-screen markers');
writeFileSync(file, `${doc.slice(0, at + begin.length)}\n${table}\n${doc.slice(until)}`);
