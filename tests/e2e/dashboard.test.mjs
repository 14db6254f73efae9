// The staff side, end to end: sign in, create and open a consultation, a participant answers
// through the embed, staff approve a comment, export CSV, and the public results page shows
// the approved comment. axe-core on every dashboard page.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { axeViolations, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();

test('staff run a consultation from sign-in to the published, moderated results', async () => {
  const staff = await env.browser.newContext({ locale: 'de-DE' });
  const page = await staff.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.widgetOrigin}/staff/`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'sign-in');

  await page.getByLabel('Name').fill('ada');
  await page.getByLabel('Passwort').fill('wrong password');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('alert').filter({ hasText: 'Name oder Passwort stimmen nicht.' }).waitFor();
  await page.getByLabel('Passwort').fill(env.server.staffPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beteiligungen' }).waitFor();
  const cookie = (await staff.cookies()).find((c) => c.name === 'mitreden_staff');
  assert.ok(cookie && cookie.httpOnly && cookie.secure && cookie.sameSite === 'Strict');
  assert.deepEqual(await axeViolations(page), [], 'consultation list');

  // Create a consultation from JSON: the demo's definition under a new slug, as a draft.
  const definition = await (await fetch(`${env.server.widgetOrigin}/api/v1/consultations/demo`)).json();
  definition.slug = 'e2e-2027';
  definition.status = 'draft';
  definition.settings.publish_results = true;
  await page.getByLabel('Definition (JSON)').fill(JSON.stringify(definition));
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await page.getByTestId('status').filter({ hasText: 'Entwurf' }).waitFor();
  await page.getByRole('button', { name: 'Beteiligung öffnen' }).click();
  await page.getByTestId('status').filter({ hasText: 'Offen' }).waitFor();
  // Each room has its own address.
  const rooms = page.getByRole('navigation', { name: 'Bereiche' });
  await rooms.getByRole('link', { name: 'Einrichtung und Einbettung' }).click();
  await page.waitForURL(/\?c=e2e-2027&room=setup$/);
  assert.match(await page.getByTestId('embed-snippet').textContent(), /data-consultation="e2e-2027"/);

  // A participant answers through the embed on another origin, with a comment.
  const host = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Ministerium</title></head>
      <body><main><h1>Ministerium</h1><div data-consultation="e2e-2027"></div><script src="${env.server.widgetOrigin}/embed.js" async></script></main></body></html>`),
  );
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const citizen = await env.browser.newContext();
  const hostPage = await citizen.newPage();
  await hostPage.goto(`http://127.0.0.1:${host.address().port}/`);
  const frame = await (await hostPage.locator('iframe').elementHandle()).contentFrame();
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.getByLabel('Wissenschaft').check();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Register, die nur einmal fragen: einordnen' }).click();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  const conflict = frame.getByTestId('conflict-legal-certainty-vs-experiment');
  await conflict.getByLabel('Eher: Reallabore und Erprobungsklauseln').check();
  await conflict.getByLabel('Warum? (freiwillig)').fill('Reallabore zeigen schnell, was wirkt.');
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  await frame.getByTestId('receipt-code').waitFor();
  await citizen.close();
  host.close();

  // An organisation hands in a statement it agrees to publish.
  const statement = await fetch(`${env.server.widgetOrigin}/api/v1/consultations/e2e-2027/statements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: '0b7e4c1e-5f0a-4c55-9d27-2f8e6b1f9a01', name: 'Forum Verwaltung digital', kind: 'association',
      stances: [{ priority: 'once-only', stance: 'support', reasoning: 'Entlastet Bürgerinnen und Behörden.' }],
      publish: true, lang: 'de',
    }),
  });
  assert.equal(statement.status, 201);

  // Staff see it: the overview with its counts and briefing, then the results.
  await page.reload();
  await rooms.getByRole('link', { name: 'Überblick' }).click();
  await page.getByTestId('briefing').filter({ hasText: 'Eine Antwort, Stand' }).waitFor();
  await page.getByTestId('counts').filter({ hasText: 'Kommentare zu prüfen1' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'overview');
  await rooms.getByRole('link', { name: 'Ergebnisse' }).click();
  await page.getByRole('figure', { name: 'Zielkonflikt „Rechtssicherheit oder Raum zum Experimentieren?“' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'results');
  const timeline = page.getByRole('figure', { name: 'Antworten pro Tag' });
  await timeline.getByText('Als Tabelle').click();
  await timeline.getByRole('table', { name: 'Antworten pro Tag' }).getByRole('row').nth(1).waitFor();
  // Staff see the one academic's group too, marked as never published.
  const groupsFigure = page.getByRole('figure', { name: 'Platz jedes Ziels in jeder Gruppe' });
  await groupsFigure.getByText('Gruppen mit zu wenigen Antworten sind „nur intern“').waitFor();
  await groupsFigure.getByText('Als Tabelle').click();
  await groupsFigure.getByRole('columnheader', { name: 'Wissenschaft (1, nur intern)' }).waitFor();

  // Moderation: the comment under its conflict's title, approved; the filter is in the address.
  await rooms.getByRole('link', { name: 'Moderation' }).click();
  const item = page.locator('[data-testid^="comments-"]');
  await item.filter({ hasText: 'Reallabore zeigen schnell, was wirkt.' }).filter({ hasText: 'Rechtssicherheit oder Raum zum Experimentieren?' }).waitFor();
  await item.getByRole('button', { name: 'Freigeben' }).click();
  await item.filter({ hasText: 'freigegeben' }).waitFor();
  await page.getByLabel('Status').selectOption('pending');
  await page.waitForURL(/room=moderation&status=pending$/);
  await page.getByText('Keine Kommentare mit dieser Auswahl.').waitFor();
  await page.reload();
  await page.getByText('Keine Kommentare mit dieser Auswahl.').waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'pending', 'the filter survives a reload');
  assert.deepEqual(await axeViolations(page), [], 'moderation');
  await page.goBack();
  await page.waitForURL(/room=moderation$/);
  await item.filter({ hasText: 'freigegeben' }).waitFor();

  // The settings form.
  await rooms.getByRole('link', { name: 'Einrichtung und Einbettung' }).click();
  await page.getByLabel('Mindestgröße einer Gruppe für belastbare Aussagen').fill('1');
  await page.getByRole('button', { name: 'Speichern' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).first().waitFor();
  const saved = await (await page.request.get(`${env.server.widgetOrigin}/api/v1/staff/consultations/e2e-2027`)).json();
  assert.equal(saved.settings.min_group_size, 1);
  assert.equal(saved.status, 'open');

  // The definition form: a new goal in both languages, seen by new participants.
  await page.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  const goal = page.locator('fieldset', { hasText: 'Ziel 9' });
  await goal.getByLabel('Titel (de)').fill('Offene Schnittstellen');
  await goal.getByLabel('Titel (en)').fill('Open interfaces');
  await goal.getByLabel('Beschreibung (de)').fill('Daten und Dienste über offene Schnittstellen nutzbar.');
  await goal.getByLabel('Beschreibung (en)').fill('Data and services usable through open interfaces.');
  await page.locator('form', { hasText: 'Ziel hinzufügen' }).getByRole('button', { name: 'Speichern' }).click();
  await page.locator('form', { hasText: 'Ziel hinzufügen' }).getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
  const publicDefinition = await (await fetch(`${env.server.widgetOrigin}/api/v1/consultations/e2e-2027`)).json();
  assert.equal(publicDefinition.priorities.length, 9);
  assert.equal(publicDefinition.priorities[8].title.en, 'Open interfaces');
  assert.deepEqual(await axeViolations(page), [], 'definition form');

  const csv = await page.request.get(`${env.server.widgetOrigin}/api/v1/staff/consultations/e2e-2027/export.csv`);
  assert.equal(csv.status(), 200);
  const text = await csv.text();
  const row = text.split('\r\n').find((line) => line.includes('academia'));
  assert.ok(row, 'the response is a row of the CSV');
  assert.match(row, /Reallabore zeigen schnell, was wirkt\./);

  // Statements: filtered by stance, opened, marked for publication.
  await rooms.getByRole('link', { name: 'Stellungnahmen' }).click();
  await page.getByLabel('mit der Haltung').selectOption('support');
  await page.waitForURL(/room=statements&stance=support$/);
  await page.reload();
  assert.equal(await page.getByLabel('mit der Haltung').inputValue(), 'support', 'the filter is in the address');
  await page.locator('summary', { hasText: 'Forum Verwaltung digital' }).click();
  await page.getByText('Entlastet Bürgerinnen und Behörden.').waitFor();
  await page.getByRole('button', { name: 'Zur Veröffentlichung markieren' }).click();
  await page.getByRole('button', { name: 'Markierung aufheben' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'statements with one open');

  const results = await staff.newPage();
  await results.goto(`${env.server.widgetOrigin}/results/e2e-2027`);
  await results.getByText('Reallabore zeigen schnell, was wirkt.').waitFor();
  await results.getByRole('heading', { name: 'Forum Verwaltung digital' }).waitFor();
  assert.deepEqual(await axeViolations(results), [], 'public results');

  // Every room on a phone, a small phone and a laptop: nothing runs off the page, no axe
  // violations.
  for (const room of ['Überblick', 'Ergebnisse', 'Moderation', 'Stellungnahmen', 'Einrichtung und Einbettung']) {
    await rooms.getByRole('link', { name: room }).click();
    await page.locator('main h2').first().waitFor();
    for (const width of [320, 390, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(100);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${room} at ${width} px`);
      assert.deepEqual(await axeViolations(page), [], `${room} at ${width} px`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Closing starts the retention period the page now shows with its date.
  await page.getByTestId('lifecycle').filter({ hasText: '180 Tage nach Abschluss' }).waitFor();
  // Closing is asked once more, with what it does.
  await page.getByRole('button', { name: 'Beteiligung schließen' }).click();
  await page.getByText('Wirklich schließen?').waitFor();
  assert.equal(await page.getByTestId('status').textContent(), 'Offen', 'not closed by one click');
  await page.getByRole('button', { name: 'Ja, schließen' }).click();
  await page.getByTestId('status').filter({ hasText: 'Geschlossen' }).waitFor();
  // In German, as a German reader writes a date: "30. Mai 2027".
  const due = new Date(Date.now() + 180 * 86400 * 1000)
    .toLocaleDateString('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await page.getByTestId('lifecycle').filter({ hasText: `werden am ${due} gelöscht` }).waitFor();
  assert.deepEqual(errors, []);
  await staff.close();
});
