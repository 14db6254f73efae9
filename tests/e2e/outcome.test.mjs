// Closing the loop in Chromium, as staff, a citizen and a returning participant meet it: staff
// publish an outcome and an indicator in the dashboard's response room; the public page shows
// status, response and progress; a participant's receipt look-up shows what became of the goals
// they ranked highest; a closed consultation's widget shows the outcome instead of the form.
// No axe violations at 320, 390 and 1366 px.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { axeViolations, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();
const WIDTHS = [320, 390, 1366];

async function checkWidths(page, what) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${what} at ${width} px scrolls sideways`);
    assert.deepEqual(await axeViolations(page), [], `${what} at ${width} px`);
  }
}

test('staff publish an outcome and an indicator; the public, a returning participant and a closed widget see it', async () => {
  const origin = env.server.widgetOrigin;
  mkdirSync('target/screenshots', { recursive: true });
  // A participant takes part first and keeps the receipt code.
  const demo = await (await fetch(`${origin}/api/v1/consultations/demo`)).json();
  const shown = demo.priorities.map((p) => p.id);
  const ranking = ['services-online', 'digital-identity', 'once-only'];
  const sent = await fetch(`${origin}/api/v1/consultations/demo/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: crypto.randomUUID(), group: 'citizens', ranking, shown, lang: 'de' }),
  });
  assert.equal(sent.status, 201);
  const { receipt } = await sent.json();

  // Staff publish in the dashboard's response room.
  const staff = await env.browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 900 } });
  const page = await staff.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/staff/`);
  await page.getByLabel('Name').fill('ada');
  await page.getByLabel('Passwort').fill(env.server.staffPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beteiligungen' }).waitFor();
  await page.goto(`${origin}/staff/?c=demo&room=outcome`);
  await page.getByRole('heading', { level: 2, name: 'Rückmeldung' }).waitFor();
  await page.getByLabel('Zusammenfassung (de)').fill('Das Ministerium setzt die wichtigsten Ziele um.');
  await page.getByLabel('Zusammenfassung (en)').fill('The ministry pursues the most important goals.');
  const goal = page.getByRole('group', { name: 'Verwaltungsleistungen vollständig online' });
  await goal.getByLabel('Stand').selectOption('in_progress');
  await goal.getByLabel('Antwort (de)').fill('Mittel sind im Haushaltsentwurf 2027 vorgesehen.');
  await goal.getByLabel('Antwort (en)').fill('Funds are in the draft budget for 2027.');
  await page.getByRole('button', { name: 'Rückmeldung veröffentlichen' }).click();
  await page.getByRole('status').filter({ hasText: 'Veröffentlicht. Die Öffentlichkeit sieht' }).waitFor();

  await page.getByLabel('Ziel', { exact: true }).selectOption('services-online');
  await page.getByLabel('Kennung (z. B. online-dienste)').fill('online-services');
  await page.getByLabel('Name (de)').fill('Vollständig online nutzbare Leistungen');
  await page.getByLabel('Name (en)').fill('Services fully usable online');
  await page.getByLabel('Einheit (z. B. %, Tage) (de)').fill('%');
  await page.getByLabel('Einheit (z. B. %, Tage) (en)').fill('%');
  const baseline = page.getByRole('group', { name: 'Ausgangswert' });
  await baseline.getByLabel('Wert').fill('40');
  await baseline.getByLabel('Datum').fill('2025-01-01');
  const target = page.getByRole('group', { name: 'Ziel', exact: true });
  await target.getByLabel('Wert').fill('80');
  await target.getByLabel('Datum').fill('2028-12-31');
  await page.getByRole('button', { name: 'Messwert hinzufügen' }).click();
  const values = page.getByRole('group', { name: 'Messwerte' });
  await values.getByLabel('Datum').fill('2026-06-30');
  await values.getByLabel('Wert').fill('58,5');
  await page.getByRole('button', { name: 'Indikator veröffentlichen' }).click();
  await page.getByRole('status').filter({ hasText: 'Veröffentlicht.' }).last().waitFor();
  // The preview is the public section, as it now stands.
  await page.locator('.dash-outcome-preview').getByText('46\u202f% des Wegs vom Ausgangswert zum Ziel geschafft.').waitFor();
  await checkWidths(page, 'the response room');
  assert.deepEqual(errors, []);

  // The public page: status, response and progress, in the consultation's order.
  const citizen = await env.browser.newPage();
  await citizen.goto(`${origin}/results/demo`);
  const section = citizen.getByRole('region', { name: 'Was aus Ihren Antworten wird' });
  await section.getByText('Das Ministerium setzt die wichtigsten Ziele um.').waitFor();
  const item = section.getByRole('article', { name: 'Verwaltungsleistungen vollständig online' });
  assert.match(await item.innerText(), /Stand der Umsetzung: In Umsetzung/);
  await item.getByText('Mittel sind im Haushaltsentwurf 2027 vorgesehen.').waitFor();
  await item.getByText('46\u202f% des Wegs vom Ausgangswert zum Ziel geschafft.', { exact: false }).waitFor();
  const chart = item.getByRole('figure', { name: /Vollständig online nutzbare Leistungen/ });
  await chart.getByText('Als Tabelle').click();
  const row = chart.getByRole('row').filter({ hasText: 'Messwert' });
  assert.deepEqual(await row.getByRole('cell').allInnerTexts(), ['Messwert', '58,5\u00a0%']);
  await checkWidths(citizen, 'the public page with the outcome');

  // The returning participant looks up the receipt in the widget.
  const widget = await env.browser.newPage();
  await widget.goto(`${origin}/w/demo?lang=de`);
  await widget.locator('.mtr-lookup summary').click();
  await widget.getByLabel('Beleg-Code').fill(receipt);
  await widget.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  const yours = widget.getByRole('region', { name: 'Was aus Ihren Antworten wird' });
  await yours.getByText('Mittel sind im Haushaltsentwurf 2027 vorgesehen.').waitFor();
  assert.match(await yours.innerText(), /Verwaltungsleistungen vollständig online\s+Stand: In Umsetzung/);
  await checkWidths(widget, 'the receipt look-up with the outcome');

  // Once closed, the widget page shows the outcome instead of the form, all of it from the
  // server: no WebAssembly is fetched.
  const closed = await page.request.post(`${origin}/api/v1/staff/consultations/demo/status`, {
    data: { status: 'closed' },
    headers: { origin },
  });
  assert.equal(closed.status(), 200, await closed.text());
  const fetched = [];
  widget.on('request', (r) => fetched.push(r.url()));
  await widget.goto(`${origin}/w/demo?lang=de`);
  await widget.getByRole('heading', { level: 2, name: 'Diese Beteiligung ist abgeschlossen' }).waitFor();
  await widget.getByText('Das Ministerium setzt die wichtigsten Ziele um.').waitFor();
  await widget.getByText('Mittel sind im Haushaltsentwurf 2027 vorgesehen.').waitFor();
  assert.equal(await widget.getByRole('button', { name: 'Beginnen' }).count(), 0, 'no form');
  assert.equal(await widget.getByText('Das dauert etwa fünf Minuten', { exact: false }).count(), 0, 'no invitation');
  await checkWidths(widget, 'the closed widget');
  await widget.screenshot({ path: 'target/screenshots/closed-1366.png', fullPage: true });
  assert.deepEqual(fetched.filter((url) => url.endsWith('.wasm')), [], 'no widget on a closed page');

  // A colleague publishes a value meanwhile: publishing the form filled from the older
  // version is refused, and the colleague's value stays.
  const current = await (await page.request.get(`${origin}/api/v1/staff/consultations/demo/outcome`)).json();
  const { progress, updated, ...newer } = current.indicators['services-online'][0];
  const colleague = await page.request.put(`${origin}/api/v1/staff/consultations/demo/priorities/services-online/indicators`, {
    data: { indicators: [{ ...newer, values: [...newer.values, { value: 61, date: '2026-09-30' }] }] },
    headers: { origin },
  });
  assert.equal(colleague.status(), 200, await colleague.text());
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByLabel('Quelle (de)').fill('OZG-Dashboard');
  await page.getByLabel('Quelle (en)').fill('OZG dashboard');
  await page.getByRole('button', { name: 'Indikator veröffentlichen' }).click();
  await page.getByRole('alert').filter({ hasText: 'ist eine neuere Fassung veröffentlicht worden' }).waitFor();
  const after = await (await fetch(`${origin}/api/v1/consultations/demo/progress`)).json();
  assert.deepEqual(after.indicators['services-online'][0].values.map((v) => v.value), [58.5, 61]);
  await staff.close();
});
