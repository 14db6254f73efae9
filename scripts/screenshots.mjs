// Takes the README's screenshots of the results side: the public page (with its briefing),
// what became of the input (a goal with its status, response and indicator) and the report,
// at 390 and 1366 px, from a fresh server with the crafted responses the end-to-end tests use
// and an outcome published through the staff API. Needs a built server (scripts/build.sh
// debug) and Chromium.
//
//   node scripts/screenshots.mjs            writes docs/screenshots/*.png
import { launchBrowser, seedResponses, startServer } from '../tests/e2e/harness.mjs';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const server = await startServer();
const browser = await launchBrowser();
try {
  await seedResponses(server.widgetOrigin);
  await publishOutcome(server);
  const shots = [
    ['public', '/results/demo', null],
    ['briefing', '/results/demo', 'briefing'],
    ['outcome', '/results/demo', 'outcome-services-online'],
    ['report', '/results/demo/report', null],
  ];
  for (const width of [390, 1366]) {
    for (const [name, path, testId] of shots) {
      const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
      await page.goto(server.widgetOrigin + path);
      const target = testId ? page.locator(`[data-testid="${testId}"], #${testId}`) : page;
      await target.screenshot({ path: `${out}${name}-${width}.png` });
      await page.close();
    }
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}

/** Signs in as the harness's admin and publishes an outcome and an indicator. */
async function publishOutcome({ widgetOrigin: origin, staffPassword }) {
  const session = await fetch(`${origin}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: 'ada', password: staffPassword }),
  });
  const cookie = session.headers.get('set-cookie').split(';')[0];
  const put = async (path, body) => {
    const r = await fetch(`${origin}/api/v1/staff/consultations/demo${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  };
  const both = (de, en) => ({ de, en });
  await put('/outcome', {
    summary: both('Das Ministerium greift die drei am höchsten gereihten Ziele auf.', 'The ministry takes up the three goals ranked highest.'),
    items: {
      'services-online': {
        status: 'in_progress',
        response: both('Bis Ende 2028 sollen 80 % der wichtigsten Leistungen vollständig online nutzbar sein; die Mittel sind im Haushaltsentwurf 2027.', 'By the end of 2028, 80 % of the main services are to be fully usable online; the funds are in the draft budget for 2027.'),
      },
    },
  });
  await put('/priorities/services-online/indicators', {
    indicators: [{
      id: 'online-services',
      name: both('Vollständig online nutzbare Leistungen', 'Services fully usable online'),
      unit: both('%', '%'),
      direction: 'higher_is_better',
      baseline: { value: 40, date: '2025-01-01' },
      target: { value: 80, date: '2028-12-31' },
      source: both('OZG-Dashboard', 'OZG dashboard'),
      values: [{ value: 46, date: '2025-06-30' }, { value: 52.5, date: '2025-12-31' }, { value: 58, date: '2026-06-30' }],
    }],
  });
}
