// The whole path as a participant walks it: a ministry page on one origin embeds the widget
// from another; the participant ranks by keyboard only, submits, and the results count it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { announced, axeViolations, launchBrowser, startServer, tabUntil } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDemo() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.demoUrl);
  const iframe = page.locator('iframe[data-mitreden-frame="demo"]');
  await iframe.waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, frame, iframe, requests, errors };
}

async function results() {
  const response = await fetch(server.resultsUrl);
  assert.equal(response.status, 200);
  return response.json();
}

test('the demo page embeds the widget from another origin and fits its height', async () => {
  const { context, page, frame, iframe } = await openDemo();
  assert.notEqual(new URL(server.demoUrl).origin, server.widgetOrigin);
  assert.equal(new URL(frame.url()).origin, server.widgetOrigin);
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de');

  // The loader sizes the iframe to the widget's content: no inner scrollbar.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-mitreden-frame]');
    return f && parseInt(f.style.height, 10) > 600;
  });
  const content = await frame.evaluate(() => document.body.offsetHeight);
  const box = await iframe.boundingBox();
  assert.ok(Math.abs(box.height - content) <= 2, `iframe ${box.height}px, content ${content}px`);

  // Height messages from anyone but the widget's origin are ignored.
  const before = await iframe.evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ type: 'mitreden:height', height: 50 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await iframe.evaluate((f) => f.style.height), before);
  await context.close();
});

test('a participant ranks by keyboard only, submits, gets a receipt and is counted', async () => {
  const { context, page, frame, requests, errors } = await openDemo();
  const totalBefore = (await results()).total;

  assert.deepEqual(await axeViolations(frame), [], 'widget at start');
  assert.deepEqual(await axeViolations(page), [], 'host page');

  // Group: Tab to the radio group, arrow to "Wissenschaft" (academia).
  await tabUntil(page, frame, (f) => f.tag === 'input' && f.type === 'radio');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await frame.locator('input[name=mtr-group]:checked').getAttribute('value'), 'academia');

  // Rank two goals from the pile, in the order they are listed.
  await tabUntil(page, frame, (f) => f.name === 'Digitale Identitäten, die alle nutzen können: einordnen');
  await page.keyboard.press('Enter');
  await announced(frame, 'Digitale Identitäten, die alle nutzen können: auf Platz 1 eingeordnet');
  // Focus stays in the pile, on the next goal.
  await page.keyboard.press('Enter');
  await announced(frame, 'Verwaltungsleistungen vollständig online: auf Platz 2 eingeordnet');

  // Move the second one up: back through its buttons with Shift+Tab.
  await frame.waitForFunction(() => document.activeElement.id === 'mtr-add-once-only');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  const focused = await frame.evaluate(() => document.activeElement.id);
  assert.equal(focused, 'mtr-up-services-online');
  await page.keyboard.press('Enter');
  await announced(frame, 'Verwaltungsleistungen vollständig online: von Platz 2 auf Platz 1 verschoben');
  const ranked = await frame.locator('[data-testid=ranked] .mtr-item-title').allTextContents();
  assert.deepEqual(ranked, ['Verwaltungsleistungen vollständig online', 'Digitale Identitäten, die alle nutzen können']);

  assert.deepEqual(await axeViolations(frame), [], 'widget with a ranking');

  await tabUntil(page, frame, (f) => f.name === 'Antwort absenden');
  await page.keyboard.press('Enter');
  const code = frame.getByTestId('receipt-code');
  await code.waitFor();
  assert.match(await code.textContent(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'mtr-receipt-heading');

  // The demo shows results after submitting: the group's ranking with the participant's places.
  const table = frame.getByTestId('ballot-in-context');
  await table.waitFor();
  const row = table.getByRole('row', { name: /Verwaltungsleistungen vollständig online/ });
  assert.deepEqual(
    (await row.getByRole('cell').allTextContents()).map((t) => t.trim()),
    ['1', '1'],
  );
  const unranked = table.getByRole('row', { name: /Register, die nur einmal fragen/ });
  assert.equal((await unranked.getByRole('cell').last().textContent()).trim(), 'nicht eingeordnet');
  assert.deepEqual(await axeViolations(frame), [], 'receipt with results in context');

  const after = await results();
  assert.equal(after.total, totalBefore + 1);
  assert.ok(after.groups.academia.responses >= 1);
  const top = after.groups.academia.ranking[0];
  assert.equal(top.priority, 'services-online');
  assert.equal(top.rank, 1);

  // Private by design: no cookies, nothing requested from anywhere but the two origins.
  assert.deepEqual(await context.cookies(), []);
  const origins = new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [new URL(server.demoUrl).origin, server.widgetOrigin].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a failed submission says so plainly and a retry is counted exactly once', async () => {
  const { context, page, frame } = await openDemo();
  const totalBefore = (await results()).total;

  await frame.getByLabel('Wirtschaft').check();
  await frame.getByRole('button', { name: 'Register, die nur einmal fragen: einordnen' }).click();

  // The first attempt reaches the server, but the answer is lost on the way back.
  let dropped = 0;
  await context.route('**/api/v1/consultations/demo/responses', async (route) => {
    if (dropped === 0) {
      dropped++;
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  const alert = frame.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /nicht erreichbar/);
  assert.deepEqual(await axeViolations(frame), [], 'error message');

  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  await frame.getByTestId('receipt-code').waitFor();
  const after = await results();
  assert.equal(after.total, totalBefore + 1, 'stored once although sent twice');
  assert.ok(after.groups.business.responses >= 1);
  await page.close();
  await context.close();
});

test('the widget speaks English when the page asks for it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.widgetOrigin}/w/demo?lang=en`);
  await page.getByRole('heading', { level: 1, name: 'What should the digital ministry take care of first?' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wofür soll das Digitalministerium zuerst sorgen?' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('an unknown consultation is a plain sentence, not a blank frame', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${server.widgetOrigin}/w/no-such-consultation`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), 'Diese Beteiligung gibt es nicht (mehr).');
  await context.close();
});
