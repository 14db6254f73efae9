// Taking part with JavaScript (and so WebAssembly) switched off, as on locked-down government
// workstations: the welcome comes as HTML, "Beginnen" leads to the plain form, problems are
// listed and tied to their fields, and a sound form is stored and answered with a receipt.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { axeViolations, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();

async function total() {
  const r = await fetch(`${env.server.widgetOrigin}/api/v1/consultations/demo/results`);
  return (await r.json()).total;
}

/** axe in a page with JavaScript on: the same HTML, as the server sends it to everyone. */
async function axeOn(html, width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.route('**/check', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${env.server.widgetOrigin}/check`);
  const violations = await axeViolations(page);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  await context.close();
  return { violations, wide };
}

test('without JavaScript a person takes part through the plain form and gets a receipt', async () => {
  mkdirSync('target/screenshots', { recursive: true });
  const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const before = await total();
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  await page.getByRole('heading', { level: 2, name: 'Worum es geht' }).waitFor();
  // The receipt look-up needs no scripts either: it is offered.
  assert.equal(await page.getByText('Schon teilgenommen?').isVisible(), true);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.waitForURL(/\/w\/demo\/form\?lang=de$/);
  await page.getByRole('heading', { level: 2, name: 'Ihre Antwort' }).waitFor();

  // Sent with a place twice and no group: the summary, and each field says what is wrong.
  await page.getByLabel('Platz für „Digitale Identitäten, die alle nutzen können“').fill('1');
  await page.getByLabel('Platz für „Verwaltungsleistungen vollständig online“').fill('1');
  // A comment over the limit, pasted: nothing cuts it (1,000 emoji are 2,000 UTF-16 units).
  const conflict = page.getByRole('group', { name: 'Schnelle Erfolge oder strukturelle Tiefe?' });
  const comment = conflict.getByLabel('Warum? (freiwillig)');
  const long = `${'👋'.repeat(1000)}!`;
  await conflict.getByRole('radio').first().check();
  await comment.fill(long);
  assert.equal(await comment.inputValue(), long);
  await page.getByRole('button', { name: 'Antwort absenden' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.match(await page.title(), /^Fehler: /);
  assert.equal(await summary.getByRole('heading').textContent(), 'Bitte prüfen Sie Ihre Angaben');
  // Each named by its field: the same problem on two goals reads differently.
  assert.deepEqual(await summary.getByRole('link').allTextContents(), [
    'Für welche Gruppe sprechen Sie? – Bitte wählen Sie eine Gruppe.',
    'Digitale Identitäten, die alle nutzen können – Platz 1 ist mehrmals vergeben. Bitte vergeben Sie jeden Platz nur einmal.',
    'Verwaltungsleistungen vollständig online – Platz 1 ist mehrmals vergeben. Bitte vergeben Sie jeden Platz nur einmal.',
    'Schnelle Erfolge oder strukturelle Tiefe? – Ihr Kommentar ist um 1 Zeichen zu lang: höchstens 1\u202F000 Zeichen.',
  ]);
  assert.equal(await comment.inputValue(), long, 'the long comment comes back whole');
  assert.equal(await comment.getAttribute('aria-invalid'), 'true');
  const hint = await comment.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${hint.split(' ')[0]}`).textContent(), 'Höchstens 1\u202F000 Zeichen');
  const place = page.getByLabel('Platz für „Verwaltungsleistungen vollständig online“');
  assert.equal(await place.getAttribute('aria-invalid'), 'true');
  assert.match(await place.getAttribute('aria-describedby'), /place-services-online-error/);
  assert.equal(await place.inputValue(), '1', 'what was entered is still there');
  await page.screenshot({ path: 'target/screenshots/plain-form-errors-390.png', fullPage: true });
  for (const width of [320, 390, 1366]) {
    const { violations, wide } = await axeOn(await page.content(), width);
    assert.deepEqual(violations, [], `form with errors at ${width}`);
    assert.equal(wide, false, `no sideways scrolling at ${width}`);
  }
  assert.equal(await total(), before, 'nothing stored');

  // Corrected: a group, two places, a position with a comment.
  await page.getByLabel('Wissenschaft').check();
  await place.fill('2');
  await comment.fill('Erst das Fundament.');
  await page.getByRole('button', { name: 'Antwort absenden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vielen Dank für Ihre Antwort!' }).waitFor();
  assert.match(await page.title(), /^Ihr Beleg: /);
  const code = await page.getByTestId('receipt-code').textContent();
  assert.match(code, /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
  assert.equal(await total(), before + 1);
  await page.screenshot({ path: 'target/screenshots/plain-form-receipt-390.png', fullPage: true });
  for (const width of [320, 390, 1366]) {
    const { violations, wide } = await axeOn(await page.content(), width);
    assert.deepEqual(violations, [], `receipt at ${width}`);
    assert.equal(wide, false, `no sideways scrolling at ${width}`);
  }

  // Later, still without JavaScript: the welcome's look-up shows the response and withdraws
  // it, once confirmed. The code travels in the form's body only.
  await page.getByRole('link', { name: 'Zurück zur Beteiligung' }).click();
  await page.getByText('Schon teilgenommen?').click();
  await page.getByLabel('Beleg-Code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Ihre Angaben zu diesem Beleg-Code' }).waitFor();
  assert.match(await page.locator('#mtr-lookup-result').innerText(), /Antwort für die Gruppe „Wissenschaft“/);
  assert.ok(!page.url().toLowerCase().includes(code.toLowerCase()), 'no code in the address');
  await page.screenshot({ path: 'target/screenshots/lookup-found-390.png', fullPage: true });
  for (const width of [320, 390, 1366]) {
    const { violations, wide } = await axeOn(await page.content(), width);
    assert.deepEqual(violations, [], `look-up at ${width}`);
    assert.equal(wide, false, `no sideways scrolling at ${width}`);
  }
  await page.getByRole('button', { name: 'Antwort zurückziehen' }).click();
  await page.getByText('Wirklich zurückziehen?', { exact: false }).waitFor();
  assert.equal(await total(), before + 1, 'one press withdraws nothing');
  await page.getByRole('button', { name: 'Ja, zurückziehen' }).click();
  await page.getByText('Ihre Antwort wurde zurückgezogen und gelöscht.').waitFor();
  assert.equal(await total(), before);
  await context.close();
});
