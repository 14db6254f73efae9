// Takes the README's screenshots of the results side: the public page (with its briefing) and
// the report, at 390 and 1366 px, from a fresh server with the crafted responses the
// end-to-end tests use. Needs a built server (scripts/build.sh debug) and Chromium.
//
//   node scripts/screenshots.mjs            writes docs/screenshots/*.png
import { launchBrowser, seedResponses, startServer } from '../tests/e2e/harness.mjs';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const server = await startServer();
const browser = await launchBrowser();
try {
  await seedResponses(server.widgetOrigin);
  const shots = [
    ['public', '/results/demo', null],
    ['briefing', '/results/demo', 'briefing'],
    ['report', '/results/demo/report', null],
  ];
  for (const width of [390, 1366]) {
    for (const [name, path, testId] of shots) {
      const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 } });
      await page.goto(server.widgetOrigin + path);
      const target = testId ? page.getByTestId(testId) : page;
      await target.screenshot({ path: `${out}${name}-${width}.png` });
      await page.close();
    }
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
