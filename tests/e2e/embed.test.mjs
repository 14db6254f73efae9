// The whole path as a participant walks it: a ministry page on one origin embeds the widget
// from another; the participant ranks by keyboard only, submits, and the results count it.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { announced, axeViolations, serverAndBrowser, tabUntil } from './harness.mjs';

const env = serverAndBrowser();
mkdirSync('target/screenshots', { recursive: true });

async function openDemo() {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.demoUrl);
  const iframe = page.locator('iframe[data-mitreden-frame="demo"]');
  await iframe.waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, frame, iframe, requests, errors, failed };
}

async function results() {
  const response = await fetch(env.server.resultsUrl);
  assert.equal(response.status, 200);
  return response.json();
}

/** Sends `count` responses of `group` through the API, each ranking `ranking`. */
async function respond(count, group, ranking) {
  const api = `${env.server.widgetOrigin}/api/v1/consultations/demo`;
  const demo = await (await fetch(api)).json();
  const shown = demo.priorities.map((p) => p.id);
  for (let i = 0; i < count; i++) {
    const body = { id: crypto.randomUUID(), group, ranking, shown, lang: 'de' };
    const response = await fetch(`${api}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
  }
}

test('the demo page embeds the widget from another origin and fits its height', async () => {
  const { context, page, frame, iframe, failed } = await openDemo();
  assert.notEqual(new URL(env.server.demoUrl).origin, env.server.widgetOrigin);
  assert.equal(new URL(frame.url()).origin, env.server.widgetOrigin);
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de');

  // The loader sizes the iframe to the widget's content: no inner scrollbar.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe[data-mitreden-frame]');
    return f && parseInt(f.style.height, 10) > 300;
  });
  const content = await frame.evaluate(() => document.body.offsetHeight);
  const box = await iframe.boundingBox();
  assert.ok(Math.abs(box.height - content) <= 2, `iframe ${box.height}px, content ${content}px`);

  // Height messages from anyone but the widget's origin are ignored.
  const before = await iframe.evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ type: 'mitreden:height', height: 50 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await iframe.evaluate((f) => f.style.height), before);
  assert.deepEqual(failed, [], 'no request of the page or the widget fails');
  // Nor the icon a browser with a tab strip asks for (headless Chromium does not).
  assert.equal((await fetch(new URL('/favicon.ico', env.server.demoUrl))).status, 204);
  // The page around the widget fits a phone too: its long German words break.
  await page.setViewportSize({ width: 320, height: 800 });
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `the demo page at 320 px: ${scroll}px wide in ${client}px`);
  await context.close();
});

async function press(page, frame, name) {
  await tabUntil(page, frame, (f) => f.name === name);
  await page.keyboard.press('Enter');
}

// Focus on the heading of the step `text` (the first question's comes with the page).
async function stepHeading(frame, text) {
  await frame.waitForFunction(
    (t) =>
      ['mtr-step-heading', 'mtr-who-heading'].includes(document.activeElement?.id) &&
      document.activeElement.textContent.trim() === t,
    text,
    { timeout: 5000 },
  );
}

test('a citizen completes every step by keyboard only, with announcements, and is counted', async () => {
  const { context, page, frame, requests, errors } = await openDemo();
  // Nine others from academia answered before; with this one the group reaches the demo's
  // minimum size of 10 and its ranking is published.
  await respond(9, 'academia', ['services-online', 'digital-identity']);
  const totalBefore = (await results()).total;
  assert.equal((await results()).groups.academia.withheld, true, 'nine are too few to publish');
  assert.deepEqual(await axeViolations(page), [], 'host page');
  assert.deepEqual(await axeViolations(frame), [], 'welcome');

  await press(page, frame, 'Beginnen');
  await stepHeading(frame, 'Wer Sie sind');
  assert.deepEqual(await axeViolations(frame), [], 'who');
  // Group: Tab to the radio group, arrow to "Wissenschaft" (academia).
  await tabUntil(page, frame, (f) => f.tag === 'input' && f.type === 'radio');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await frame.locator('#mtr-group-academia').isChecked(), true);
  await press(page, frame, 'Weiter');
  await stepHeading(frame, 'Ihre Prioritäten');

  // Rank two goals from the pile, in the order they are listed.
  await press(page, frame, 'Digitale Identitäten, die alle nutzen können: einordnen');
  await announced(frame, 'Digitale Identitäten, die alle nutzen können: auf Platz 1 eingeordnet');
  // Focus stays in the pile, on the next goal.
  await frame.waitForFunction(() => document.activeElement.id === 'mtr-add-services-online');
  await page.keyboard.press('Enter');
  await announced(frame, 'Verwaltungsleistungen vollständig online: auf Platz 2 eingeordnet');
  assert.deepEqual(await axeViolations(frame), [], 'ranking');

  // Keyboard mode: pick up with Space, move with the arrows, drop with Space.
  await page.keyboard.press('Shift+Tab');
  await tabUntil(page, frame, (f) => f.id === 'mtr-handle-services-online', 20);
  await page.keyboard.press('Space');
  await announced(
    frame,
    'Verwaltungsleistungen vollständig online aufgenommen, Platz 2 von 2. Mit den Pfeiltasten verschieben, mit der Leertaste ablegen, mit Escape abbrechen.',
  );
  await page.keyboard.press('ArrowUp');
  await announced(frame, 'Verwaltungsleistungen vollständig online: von Platz 2 auf Platz 1 verschoben');
  // Focus follows the moved item.
  await frame.waitForFunction(() => document.activeElement.id === 'mtr-handle-services-online');
  await page.keyboard.press('Space');
  await announced(frame, 'Verwaltungsleistungen vollständig online auf Platz 1 abgelegt');
  const ranked = await frame.locator('[data-testid=ranked] .mtr-item-title').allTextContents();
  assert.deepEqual(ranked, ['Verwaltungsleistungen vollständig online', 'Digitale Identitäten, die alle nutzen können']);
  await press(page, frame, 'Weiter');
  await stepHeading(frame, 'Zielkonflikte');

  // First conflict: leaning to the left goal, with a reason.
  await tabUntil(page, frame, (f) => f.tag === 'input' && f.type === 'radio');
  await page.keyboard.press('ArrowDown');
  assert.equal(await frame.locator('#mtr-conflict-quick-wins-vs-depth-1').isChecked(), true);
  await tabUntil(page, frame, (f) => f.tag === 'textarea');
  // Counts in the reader's format: thousands grouped with a narrow space.
  assert.equal(await frame.locator('#mtr-conflict-quick-wins-vs-depth-comment-counter').textContent(), 'Noch 1\u202F000 Zeichen');
  await page.keyboard.type('Vertrauen entsteht durch sichtbare Erfolge.');
  assert.match(await frame.locator('#mtr-conflict-quick-wins-vs-depth-comment-counter').textContent(), /Noch 957 Zeichen/);
  // The conflict's explanation is read with its question.
  const explained = await frame.getByTestId('conflict-quick-wins-vs-depth').evaluate((fieldset) =>
    fieldset.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.match(explained, /^Schnelle Erfolge schaffen Vertrauen/);
  assert.deepEqual(await axeViolations(frame), [], 'conflicts');
  await press(page, frame, 'Weiter');
  await stepHeading(frame, 'Fehlt etwas?');

  await press(page, frame, 'Vorschlag hinzufügen');
  await frame.waitForFunction(() => document.activeElement.id === 'mtr-proposal-1-title');
  await page.keyboard.type('Barrierefreiheit digitaler Angebote');
  await frame.locator('#mtr-proposal-1-reason').fill('Viele scheitern an Formularen.');
  assert.deepEqual(await axeViolations(frame), [], 'proposals');
  await press(page, frame, 'Weiter');
  await stepHeading(frame, 'Ihre Angaben prüfen');
  assert.deepEqual(await axeViolations(frame), [], 'review');
  const review = await frame.locator('#mtr-app .mtr-step').textContent();
  assert.match(review, /Wissenschaft/);
  assert.match(review, /Eher: Schnell sichtbare Verbesserungen/);
  assert.match(review, /Vertrauen entsteht durch sichtbare Erfolge\./);
  // In the order of the steps: the conflicts before the proposals.
  const sections = await frame.locator('#mtr-app .mtr-review-section h3').allTextContents();
  assert.ok(sections.indexOf('Zielkonflikte') < sections.indexOf('Vorschläge'), sections.join(' | '));
  // A proposal with its kind and reason, as it will be sent (the reason said to be one).
  assert.match(review, /Ziel: Barrierefreiheit digitaler Angebote\s*Ihre Begründung: Viele scheitern an Formularen\./);

  await press(page, frame, 'Antwort absenden');
  const code = frame.getByTestId('receipt-code');
  await code.waitFor();
  assert.match(await code.textContent(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await frame.waitForFunction(() => document.activeElement.id === 'mtr-receipt-heading');
  // The receipt keeps the positions too, with the comment.
  const kept = await frame.getByTestId('receipt').locator('.mtr-summary li').allTextContents();
  assert.ok(kept.some((line) => /Eher: Schnell sichtbare Verbesserungen/.test(line) && /Vertrauen entsteht durch sichtbare Erfolge\./.test(line)), kept.join(' | '));
  // And the proposal, with its reason.
  assert.ok(kept.includes('Ziel: Barrierefreiheit digitaler AngeboteIhre Begründung: Viele scheitern an Formularen.'), kept.join(' | '));

  // The demo shows results after submitting: the group's ranking with the participant's places.
  const table = frame.getByTestId('ballot-in-context');
  await table.waitFor();
  const row = table.getByRole('row', { name: /Verwaltungsleistungen vollständig online/ });
  assert.deepEqual(
    (await row.getByRole('cell').allTextContents()).map((t) => t.trim()),
    ['1', '1'],
  );
  assert.deepEqual(await axeViolations(frame), [], 'receipt with results in context');

  const after = await results();
  assert.equal(after.total, totalBefore + 1);
  const top = after.groups.academia.ranking[0];
  assert.equal(top.priority, 'services-online');
  const quickWins = after.conflicts.find((c) => c.conflict === 'quick-wins-vs-depth');
  assert.equal(quickWins.groups.academia.histogram[1], 1);
  assert.equal(quickWins.groups.academia.comments, 1);

  // Private by design: no cookies, nothing requested from anywhere but the two origins.
  assert.deepEqual(await context.cookies(), []);
  const origins = new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [new URL(env.server.demoUrl).origin, env.server.widgetOrigin].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

/** Walks an individual response with the mouse up to the review step. */
async function answerQuickly(frame, group, goal) {
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.getByLabel(group).check();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: `${goal}: einordnen` }).click();
  for (let i = 0; i < 3; i++) await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.locator('#mtr-step-heading', { hasText: 'Ihre Angaben prüfen' }).waitFor();
}

test('on a touch screen the move buttons say what they do, the keyboard mode stays out of the way, and a tapped button stays under the finger', async () => {
  // 390 px, and 320 px, where the host page's frame is narrower and the moved buttons further
  // apart (the browser's own scrolling to a focused button once added to the widget's).
  for (const width of [390, 320]) {
    const context = await env.browser.newContext({ viewport: { width, height: 700 }, hasTouch: true, isMobile: true, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(env.server.demoUrl);
    const iframe = page.locator('iframe[data-mitreden-frame="demo"]');
    await iframe.scrollIntoViewIfNeeded();
    const frame = await (await iframe.elementHandle()).contentFrame();
    await frame.getByRole('button', { name: 'Beginnen' }).tap();
    await frame.getByLabel('Bürgerinnen und Bürger').check();
    await frame.getByRole('button', { name: 'Weiter' }).tap();
    for (const goal of ['Digitale Identitäten, die alle nutzen können', 'Verwaltungsleistungen vollständig online',
      'Register, die nur einmal fragen', 'Digitale Kompetenz in der Verwaltung']) {
      await frame.getByRole('button', { name: `${goal}: einordnen` }).tap();
    }
    const up = frame.locator('#mtr-up-once-only');
    assert.equal(await up.locator('.mtr-icon-text').textContent(), 'Nach oben');
    assert.equal(await up.locator('.mtr-icon-text').isVisible(), true, 'the word shows on a touch screen');
    assert.equal(await frame.locator('#mtr-handle-once-only').isVisible(), false, 'no keyboard mode on a phone');
    assert.deepEqual(await axeViolations(frame), [], `ranking on a phone, ${width} px`);

    // Tap "Nach oben" on the third goal, then "Nach unten" on the first and on the last but
    // one: each moves, and the finger is still on its button.
    const taps = [
      ['mtr-up-once-only', 'Register, die nur einmal fragen: von Platz 3 auf Platz 2 verschoben'],
      ['mtr-down-digital-identity', 'Digitale Identitäten, die alle nutzen können: von Platz 1 auf Platz 2 verschoben'],
      ['mtr-down-services-online', 'Verwaltungsleistungen vollständig online: von Platz 3 auf Platz 4 verschoben'],
    ];
    for (const [id, said] of taps) {
      const button = frame.locator(`#${id}`);
      await button.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      const box = await button.boundingBox();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.touchscreen.tap(x, y);
      await announced(frame, said);
      await page.waitForTimeout(300);
      const frameBox = await iframe.boundingBox();
      const under = await frame.evaluate(([fx, fy]) => document.elementFromPoint(fx, fy)?.closest('button')?.id,
        [x - frameBox.x, y - frameBox.y]);
      assert.equal(under, id, `${width} px: ${id}`);
    }
    await context.close();
  }
});

test('a lost answer is sent again and counted exactly once', async () => {
  const { context, frame } = await openDemo();
  const totalBefore = (await results()).total;
  await answerQuickly(frame, 'Wirtschaft', 'Register, die nur einmal fragen');

  // The first attempt reaches the server, but the answer is lost on the way back.
  let attempts = 0;
  await context.route('**/api/v1/consultations/demo/responses', async (route) => {
    attempts++;
    if (attempts === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  await frame.getByTestId('outbox-status').filter({ hasText: 'Auf diesem Gerät gespeichert' }).waitFor();
  assert.deepEqual(await axeViolations(frame), [], 'outbox status');
  await frame.getByTestId('receipt-code').waitFor({ timeout: 15000 });
  assert.ok(attempts >= 2);
  const after = await results();
  assert.equal(after.total, totalBefore + 1, 'stored once although sent twice');
  await context.close();
});

test('offline, reloaded and back online: the response is stored exactly once', async () => {
  const { context, page, frame } = await openDemo();
  const totalBefore = (await results()).total;
  await answerQuickly(frame, 'Zivilgesellschaft', 'Gebündelte IT des Bundes');
  await context.setOffline(true);
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  await frame.getByTestId('outbox-status').filter({ hasText: 'sobald Sie online sind' }).waitFor();
  // The status takes the step's place, and focus with it (once the new view is drawn).
  await frame.waitForFunction(() => document.activeElement?.dataset.testid === 'outbox-status');
  await page.close();
  assert.equal((await results()).total, totalBefore, 'nothing arrived while offline');

  // Back online, the next visit sends what waited in the outbox.
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(env.server.demoUrl);
  const frame2 = await (await again.locator('iframe').elementHandle()).contentFrame();
  await frame2.getByTestId('receipt-code').waitFor({ timeout: 15000 });
  const after = await results();
  assert.equal(after.total, totalBefore + 1);
  assert.equal(after.groups['civil-society'].withheld, true, 'one response is not published');
  await context.close();
});

test('withdrawal by receipt removes the response from the results', async () => {
  const { context, page, iframe, frame } = await openDemo();
  const totalBefore = (await results()).total;
  await answerQuickly(frame, 'Öffentliche Verwaltung', 'Steuerung nach messbarer Wirkung');
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  const code = (await frame.getByTestId('receipt-code').textContent()).trim();
  // "Copy code" copies it, inside the embedded frame too (the loader allows clipboard-write).
  assert.equal(await iframe.getAttribute('allow'), 'clipboard-write');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await frame.getByRole('button', { name: 'Code kopieren' }).click();
  // Read once the widget says it copied: the write is asynchronous.
  await frame.getByText('Code kopiert').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  assert.equal((await results()).total, totalBefore + 1);
  // The only one in the group: its ranking is not shown, not even to them.
  const withheld = frame.getByTestId('in-context-withheld');
  await withheld.waitFor();
  assert.match(await withheld.textContent(), /weniger als 10 Personen/);
  assert.deepEqual(await axeViolations(frame), [], 'results in context withheld');
  await frame.getByRole('button', { name: 'Antwort zurückziehen' }).click();
  await frame.getByRole('button', { name: 'Ja, zurückziehen' }).click();
  await frame.getByText('Ihre Antwort wurde zurückgezogen und gelöscht.').waitFor();
  // Said alone: not also still "stored and counted", with its code.
  assert.equal(await frame.getByText('wird in den Ergebnissen gezählt').isVisible(), false);
  assert.equal(await frame.getByTestId('receipt-code').isVisible(), false);
  assert.deepEqual(await axeViolations(frame), [], 'withdrawn');
  const after = await results();
  assert.equal(after.total, totalBefore);
  assert.equal(after.groups['public-administration'].responses, 0);
  await context.close();
});

test('on a shared device, a reload shows no earlier receipt until asked for; it can be removed, and "Beginnen" starts anew', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  await answerQuickly(page.mainFrame(), 'Wirtschaft', 'Register, die nur einmal fragen');
  await page.getByRole('button', { name: 'Antwort absenden' }).click();
  const code = await page.getByTestId('receipt-code').textContent();

  // The next person reloads: the welcome, and a notice instead of the receipt.
  await page.reload();
  const notice = page.getByRole('heading', { name: 'Von diesem Gerät wurde schon eine Antwort gesendet' });
  await notice.waitFor();
  // Near the top, before the start button, where it is seen.
  assert.ok(await page.evaluate(() => Boolean(document.querySelector('.mtr-notice')
    .compareDocumentPosition(document.querySelector('[data-mtr-act=start]')) & Node.DOCUMENT_POSITION_FOLLOWING)));
  assert.equal(await page.getByTestId('receipt-code').count(), 0, 'no receipt without a deliberate step');
  assert.equal(await page.getByRole('button', { name: 'Antwort zurückziehen' }).count(), 0);
  assert.deepEqual(await axeViolations(page), [], 'the notice');
  await page.getByRole('button', { name: 'Beleg anzeigen' }).click();
  assert.equal(await page.getByTestId('receipt-code').textContent(), code);

  await page.reload();
  await notice.waitFor();
  await page.getByRole('button', { name: 'Beleg von diesem Gerät entfernen' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-welcome-heading');
  assert.equal(await notice.count(), 0);
  assert.deepEqual(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':sent'))),
    [],
    'the receipt is gone from the device',
  );
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Worum es geht' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('#mtr-app *')].length > 0);
  assert.equal(await notice.count(), 0);

  // With a receipt on the device, "Beginnen" starts a new, empty response.
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  await answerQuickly(page.mainFrame(), 'Wissenschaft', 'Register, die nur einmal fragen');
  await page.getByRole('button', { name: 'Antwort absenden' }).click();
  await page.getByTestId('receipt-code').waitFor();
  await page.reload();
  await notice.waitFor();
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Wer Sie sind' }).waitFor();
  assert.equal(await page.locator('#mtr-group-academia').isChecked(), false);
  await context.close();
});

test('on another device, the receipt code shows the response and withdraws it', async () => {
  const { context, frame } = await openDemo();
  const totalBefore = (await results()).total;
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.getByLabel('Wissenschaft').check();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Fortschritt öffentlich sichtbar: einordnen' }).click();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.locator('#mtr-conflict-quick-wins-vs-depth-1').check();
  await frame.locator('#mtr-conflict-quick-wins-vs-depth-comment').fill('Erst Vertrauen,\n  dann Umbau.');
  for (let i = 0; i < 2; i++) await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Antwort absenden' }).click();
  const code = (await frame.getByTestId('receipt-code').textContent()).trim();
  assert.equal((await results()).total, totalBefore + 1);

  const other = await openDemo();
  const logged = [];
  other.page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
  const there = other.frame;
  const entries = await there.evaluate(() => history.length);
  // The look-up is a form of the server's page: it needs no widget.
  await there.locator('.mtr-lookup summary').click();
  // No code: said, tied to the field, read first.
  await there.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await there.getByRole('heading', { level: 1, name: 'Antwort ansehen oder zurückziehen' }).waitFor();
  await there.locator('.mtr-error-summary').getByText('Bitte geben Sie Ihren Beleg-Code ein.').waitFor();
  assert.equal(await there.getByLabel('Beleg-Code').getAttribute('aria-invalid'), 'true');
  await there.waitForFunction(() => document.activeElement?.classList.contains('mtr-error-summary'));
  assert.deepEqual(await axeViolations(there), [], 'receipt lookup with an error');
  // A typo is explained; the code is read generously (lower case, pasted with words and a
  // sign no header could carry).
  await there.getByLabel('Beleg-Code').fill('nonsense');
  await there.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await there.locator('#mtr-lookup-error', { hasText: 'Das ist kein gültiger Beleg-Code.' }).waitFor();
  // A typo is the person's slip, not a fault: nothing in the console (where staff look for faults).
  assert.deepEqual(logged.filter((text) => text.startsWith('mitreden:')), []);
  await there.getByLabel('Beleg-Code').fill(`Ihr Beleg-Code: ${code.toLowerCase()} ✓`);
  await there.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await there.getByText('Antwort für die Gruppe „Wissenschaft“').waitFor();
  // Read from the heading of what was found (the page's script focuses it in the there).
  await there.waitForFunction(() => document.activeElement?.id === 'mtr-lookup-result-heading');
  assert.ok(!there.url().toLowerCase().includes(code.toLowerCase()), 'no code in the address');
  // Nor a page in the history that holds it: "Back" leaves the look-up, and a reload shows
  // whoever uses the device next the look-up's empty form.
  assert.equal(await there.evaluate(() => history.length), entries);
  assert.match(there.url(), /\/w\/demo\/lookup\?/);
  const lookup = there.locator('#mtr-lookup-result');
  // The ranking under its heading, as on the receipt.
  assert.match(await lookup.textContent(), /Ihre Reihenfolge\s*Fortschritt öffentlich sichtbar/);
  // The positions on the goal conflicts too, with the comment (said to be one: screen
  // readers do not say the quotation marks).
  assert.match(await lookup.textContent(), /Schnelle Erfolge oder strukturelle Tiefe\? – Eher: Schnell sichtbare VerbesserungenIhr Kommentar: Erst Vertrauen,\n  dann Umbau\./);
  assert.equal(await lookup.locator('q').first().evaluate((q) => q.previousElementSibling.className), 'mtr-sr');
  // Shown as written, the line break included.
  assert.equal(await lookup.locator('q').first().innerText(), 'Erst Vertrauen,\n  dann Umbau.');
  assert.deepEqual(await axeViolations(there), [], 'receipt lookup');
  // One press withdraws nothing: it asks first.
  await lookup.getByRole('button', { name: 'Antwort zurückziehen' }).click();
  await there.getByText('Wirklich zurückziehen?', { exact: false }).waitFor();
  await there.waitForFunction(() => document.activeElement?.id === 'mtr-withdraw-confirm');
  assert.equal((await results()).total, totalBefore + 1);
  await there.getByRole('button', { name: 'Ja, zurückziehen' }).click();
  await there.getByText('Ihre Antwort wurde zurückgezogen und gelöscht.').waitFor();
  // Focus is on the sentence that says so.
  await there.waitForFunction(() => document.activeElement?.id === 'mtr-lookup-status');
  assert.equal((await results()).total, totalBefore);
  // The way back shows the welcome from its top, its title focused.
  await other.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await there.getByRole('link', { name: 'Zurück zur Beteiligung' }).click();
  await there.getByRole('heading', { level: 2, name: 'Worum es geht' }).waitFor();
  await there.waitForFunction(() => document.activeElement?.id === 'mtr-title');
  await other.page.waitForFunction(() => document.querySelector('iframe[data-mitreden-frame]').getBoundingClientRect().top >= 0);
  await other.context.close();

  // The device it was sent from still shows the receipt: withdrawing there says it is done,
  // not that the code is unknown.
  await frame.getByRole('button', { name: 'Antwort zurückziehen' }).click();
  await frame.getByRole('button', { name: 'Ja, zurückziehen' }).click();
  await frame.getByText('Ihre Antwort wurde zurückgezogen und gelöscht.').waitFor();
  assert.equal(await frame.getByRole('alert').filter({ hasText: 'gespeichert' }).count(), 0);
  await context.close();
});

test('an organisation hands in a statement, reported apart from responses', async () => {
  const { context, frame } = await openDemo();
  const before = await results();
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.getByLabel('Ich spreche für eine Organisation').check();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.locator('#mtr-step-heading', { hasText: 'Ihre Organisation' }).waitFor();
  // A wrong register number is caught and tied to its field.
  await frame.getByLabel('Name der Organisation').fill('Bündnis Digitale Teilhabe e. V.');
  await frame.getByLabel('Verband oder Verein').check();
  await frame.getByLabel('Lobbyregister-Nummer (freiwillig)').fill('12345');
  await frame.getByRole('button', { name: 'Weiter' }).click();
  const lobby = frame.getByLabel('Lobbyregister-Nummer (freiwillig)');
  assert.equal(await lobby.getAttribute('aria-invalid'), 'true');
  assert.match(await frame.locator('#mtr-org-lobby-error').textContent(), /nicht das Format/);
  assert.deepEqual(await axeViolations(frame), [], 'organisation with an error');
  await lobby.fill('R001234');
  // A contact address is kept only with explicit consent.
  const email = frame.getByLabel('E-Mail-Adresse für Rückfragen (freiwillig)');
  await email.fill('kontakt@teilhabe.example');
  await frame.getByRole('button', { name: 'Weiter' }).click();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.match(await frame.locator('#mtr-org-email-error').textContent(), /nur mit Ihrer Einwilligung/);
  assert.equal(await lobby.getAttribute('aria-invalid'), 'false');
  await frame.getByLabel('Das Ministerium darf uns unter dieser Adresse').check();
  await frame.getByLabel('Unsere Stellungnahme darf veröffentlicht werden.').check();
  await frame.getByRole('button', { name: 'Weiter' }).click();

  await frame.locator('#mtr-step-heading', { hasText: 'Ihre Haltung zu den Zielen' }).waitFor();
  const stance = frame.getByTestId('stance-once-only');
  await stance.getByLabel('Unterstützen').check();
  await stance.getByLabel('Begründung (freiwillig)').fill('Nachweise nur einmal vorlegen entlastet alle.');
  assert.deepEqual(await axeViolations(frame), [], 'stances');
  // A reasoning without a stance would not be sent: the step asks for the stance.
  const unsure = frame.getByTestId('stance-digital-identity');
  await unsure.getByLabel('Begründung (freiwillig)').fill('Hängt an der Umsetzung.');
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.locator('#mtr-stance-digital-identity-error', { hasText: 'Bitte wählen Sie auch eine Haltung' }).waitFor();
  await frame.waitForFunction(() => document.activeElement?.id === 'mtr-stance-digital-identity-error');
  assert.deepEqual(await axeViolations(frame), [], 'stances with an error');
  await unsure.getByLabel('Unter Bedingungen').check();
  assert.equal(await frame.locator('#mtr-stance-digital-identity-error').textContent(), '');
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.locator('#mtr-step-heading', { hasText: 'Ihre Angaben prüfen' }).waitFor();
  // The review shows everything the organisation step asked.
  const review = await frame.locator('#mtr-app .mtr-step').textContent();
  for (const shown of ['Bündnis Digitale Teilhabe', 'Verband oder Verein', 'R001234', 'kontakt@teilhabe.example',
    'Das Ministerium darf Sie unter dieser Adresse kontaktieren.', 'Die Stellungnahme darf veröffentlicht werden.']) {
    assert.ok(review.includes(shown), `the review shows ${shown}`);
  }
  await frame.getByRole('button', { name: 'Stellungnahme absenden' }).click();
  const code = (await frame.getByTestId('receipt-code').textContent()).trim();
  await frame.getByRole('heading', { name: 'Vielen Dank für Ihre Stellungnahme!' }).waitFor();
  const receipt = await frame.getByTestId('receipt').textContent();
  assert.match(receipt, /getrennt von den Antworten/);
  assert.doesNotMatch(receipt, /in den Ergebnissen gezählt/);
  // The receipt keeps the stances handed in, with their reasoning.
  const stances = await frame.getByTestId('receipt').locator('.mtr-summary li').allTextContents();
  assert.ok(stances.some((line) => line.startsWith('Register, die nur einmal fragen') && line.includes('Nachweise nur einmal vorlegen entlastet alle.')), stances.join(' | '));
  assert.deepEqual(await axeViolations(frame), [], 'statement receipt');

  const after = await results();
  assert.equal(after.total, before.total, 'a statement is not a response');
  assert.equal(after.organisations.statements, before.organisations.statements + 1);
  const onceOnly = after.organisations.stances.find((s) => s.priority === 'once-only');
  assert.ok(onceOnly.support >= 1);
  assert.ok(!JSON.stringify(after).includes('teilhabe.example'), 'the contact address is not public');
  await context.close();

  // Looked up with the code on another device: more than the name.
  const other = await openDemo();
  await other.frame.locator('.mtr-lookup summary').click();
  await other.frame.getByLabel('Beleg-Code').fill(code);
  await other.frame.getByRole('button', { name: 'Anzeigen', exact: true }).click();
  await other.frame.getByText('Stellungnahme von Bündnis Digitale Teilhabe e. V.').waitFor();
  // One question, whatever the kind: no failed guess at a response first.
  assert.deepEqual(other.failed, [], 'no request of the look-up fails');
  assert.equal(other.requests.filter((url) => url.includes('/lookup')).length, 1);
  const found = await other.frame.locator('#mtr-lookup-result').textContent();
  assert.match(found, /Verband oder Verein/);
  // The contact address kept with consent: the organisation can check it.
  assert.match(found, /kontakt@teilhabe\.example/);
  assert.match(found, /Register, die nur einmal fragen – Unterstützen/);
  await other.context.close();
});

test('several themed widgets on one page work independently; without JavaScript a link remains', async () => {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Zwei Beteiligungen</title></head>
    <body><main><h1>Zwei Beteiligungen</h1>
    <div data-consultation="demo" data-accent="#6b2c91" data-font="Georgia, serif" data-radius="0px">
      <noscript><a href="${env.server.widgetOrigin}/w/demo/form">Zur Online-Beteiligung</a></noscript></div>
    <div data-consultation="demo" data-lang="en" data-accent="#ffee00"></div>
    <script src="${env.server.widgetOrigin}/embed.js" async></script></main></body></html>`;
  // Another host page on a loopback origin of its own.
  const host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const hostUrl = `http://127.0.0.1:${host.address().port}/`;
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(hostUrl);
  const frames = page.locator('iframe[data-mitreden-frame]');
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-mitreden-frame]').length === 2);
  const [first, second] = await Promise.all([0, 1].map(async (i) => (await frames.nth(i).elementHandle()).contentFrame()));
  await first.getByRole('heading', { level: 1, name: 'Wofür soll das Digitalministerium zuerst sorgen?' }).waitFor();
  await second.getByRole('heading', { level: 1, name: 'What should the digital ministry take care of first?' }).waitFor();

  // The host's accent and font reach the first widget; the unreadable yellow is refused.
  const look = (frame) => frame.evaluate(() => {
    const button = document.querySelector('.mtr-primary');
    const style = getComputedStyle(button);
    return { background: style.backgroundColor, font: getComputedStyle(document.body).fontFamily, radius: style.borderTopLeftRadius };
  });
  assert.deepEqual(await look(first), { background: 'rgb(107, 44, 145)', font: 'Georgia, serif', radius: '0px' });
  assert.equal((await look(second)).background, 'rgb(0, 75, 118)');

  // Each frame keeps its own height: moving on in one changes only that one.
  await page.waitForFunction(() => [...document.querySelectorAll('iframe[data-mitreden-frame]')].every((f) => f.style.height));
  const heights = () => page.evaluate(() => [...document.querySelectorAll('iframe[data-mitreden-frame]')].map((f) => parseInt(f.style.height, 10)));
  const before = await heights();
  await second.getByRole('button', { name: 'Start' }).click();
  await page.waitForFunction((h) => parseInt(document.querySelectorAll('iframe[data-mitreden-frame]')[1].style.height, 10) !== h, before[1]);
  const after = await heights();
  assert.equal(after[0], before[0]);
  assert.deepEqual(await axeViolations(page), [], 'host page with two widgets');
  await context.close();

  const noJs = await env.browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(hostUrl);
  const link = plain.getByRole('link', { name: 'Zur Online-Beteiligung' });
  assert.equal(await link.getAttribute('href'), `${env.server.widgetOrigin}/w/demo/form`);
  await noJs.close();
  host.close();
});

test('an organisation\'s statement fits the demo page\'s frame at 320 px (280 CSS pixels) without sideways scrolling', async () => {
  const context = await env.browser.newContext({ viewport: { width: 280, height: 800 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  const fits = async (where) => {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${where}: ${scroll}px wide in ${client}px`);
  };
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.locator('#mtr-mode-organisation').check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.locator('#mtr-org-name').fill('Verbraucherzentrale Bundesverband e. V.');
  await page.locator('#mtr-org-kind-ngo').check();
  await fits('organisation');
  await page.getByRole('button', { name: 'Weiter' }).click();
  // Long German words in the goals' titles ("Verwaltungsleistungen").
  await page.locator('#mtr-step-heading', { hasText: 'Haltung' }).waitFor();
  await fits('stances');
  assert.deepEqual(await axeViolations(page), [], 'stances at 280 px');
  await context.close();
});

// A comment quoting an address, as people do: it breaks rather than widening the page.
const LONG_ADDRESS = 'https://www.bundesregierung.de/breg-de/themen/digitalisierung/verwaltungsdigitalisierung-onlinezugangsgesetz-umsetzung-2024-stand-und-ausblick';

for (const width of [320, 390, 1366]) {
  test(`every step, the receipt included, fits ${width} CSS pixels without sideways scrolling and passes axe`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 2, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${env.server.widgetOrigin}/w/demo`);
    // At 320 px as at 400 % zoom (WCAG 1.4.10): nothing wider than the window, and no
    // accessibility violation, on every step.
    const check = async (where) => {
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${where} at ${width}: ${scroll}px wide in ${client}px`);
      // The notices are linked from every step, not only the welcome.
      assert.equal(await page.getByRole('link', { name: /Erklärung zur Barrierefreiheit/ }).isVisible(), true, `${where}: accessibility statement`);
      assert.deepEqual(await axeViolations(page), [], `${where} at ${width} px`);
    };
    await page.getByRole('button', { name: 'Beginnen' }).waitFor();
    await check('welcome');
    await page.getByRole('button', { name: 'Beginnen' }).click();
    // Academia's ranking is published by now, so the receipt shows it beside this one.
    await page.getByLabel('Wissenschaft').check();
    await check('who');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Gemeinsame Plattformdienste für Länder und Kommunen: einordnen' }).click();
    await page.getByRole('button', { name: 'Digitale Kompetenz in der Verwaltung: einordnen' }).click();
    await check('ranking');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByTestId('conflict-quick-wins-vs-depth').getByRole('radio').first().check();
    await page.getByTestId('conflict-quick-wins-vs-depth').getByLabel('Warum? (freiwillig)').fill(`Erst das Fundament.\nSiehe ${LONG_ADDRESS}`);
    await check('conflicts');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Vorschlag hinzufügen' }).click();
    await check('proposals');
    await page.getByLabel('Titel').fill('Offene Schnittstellen');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await check('review');
    await page.getByRole('button', { name: 'Antwort absenden' }).click();
    await page.getByTestId('ballot-in-context').waitFor();
    await check('receipt');
    // The receipt keeps what was said on the conflicts too, and names the consultation.
    const receipt = await page.getByTestId('receipt').textContent();
    assert.match(receipt, /Schnelle Erfolge oder strukturelle Tiefe\? – .*Erst das Fundament\./);
    assert.match(receipt, /Wofür soll das Digitalministerium zuerst sorgen\?/);
    await page.screenshot({ path: `target/screenshots/receipt-${width}.png`, fullPage: true });
    await context.close();
  });
}

/** Staff save a copy of the demo under `slug` with `settings` changed. */
async function copyOfDemo(slug, settings) {
  const signIn = await fetch(`${env.server.widgetOrigin}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ada', password: env.server.staffPassword }),
  });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const definition = await (await fetch(`${env.server.widgetOrigin}/api/v1/consultations/demo`)).json();
  definition.slug = slug;
  Object.assign(definition.settings, settings);
  const saved = await fetch(`${env.server.widgetOrigin}/api/v1/staff/consultations/${slug}`, {
    method: 'PUT',
    // As the dashboard would send it: staff changes with a cookie must name their origin.
    headers: { 'content-type': 'application/json', cookie, origin: env.server.widgetOrigin },
    body: JSON.stringify(definition),
  });
  assert.equal(saved.status, 201);
}

test('where a proof of work is asked for, the browser solves it in the background and the response counts', async () => {
  await copyOfDemo('mit-beweis', { proof_of_work: 50000 });
  // The widget page on its own speaks the browser's language.
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const refusals = [];
  page.on('response', (r) => r.status() >= 400 && refusals.push(`${r.status()} ${r.url()}`));
  await page.goto(`${env.server.widgetOrigin}/w/mit-beweis`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await answerQuickly(page, 'Wissenschaft', 'Register, die nur einmal fragen');
  await page.getByRole('button', { name: 'Antwort absenden' }).click();
  await page.getByTestId('receipt-code').waitFor({ timeout: 30000 });
  assert.ok(requests.some((u) => u.endsWith('/api/v1/consultations/mit-beweis/challenge')));
  assert.deepEqual(refusals, [], 'the widget knew to bring a proof the first time');
  const counted = await (await fetch(`${env.server.widgetOrigin}/api/v1/consultations/mit-beweis/results`)).json();
  assert.equal(counted.total, 1);
  assert.equal(counted.groups.academia.withheld, true, 'one response is not published');
  await context.close();
});

test('a page on an origin the consultation does not allow cannot frame the widget', async () => {
  // Staff restrict framing to one origin.
  await copyOfDemo('only-bmds', { allowed_origins: ['https://bmds.example'] });

  const html = (slug) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fremd</title></head>
    <body><main><h1>Fremde Seite</h1><div data-consultation="${slug}"></div>
    <script src="${env.server.widgetOrigin}/embed.js" async></script></main></body></html>`;
  const host = createServer((req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(html(req.url.includes('open') ? 'demo' : 'only-bmds')),
  );
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // The open demo can be embedded here…
  await page.goto(`http://127.0.0.1:${host.address().port}/open`);
  const open = await (await page.locator('iframe').elementHandle()).contentFrame();
  await open.getByRole('heading', { level: 1 }).waitFor();
  // …the restricted consultation cannot.
  await page.goto(`http://127.0.0.1:${host.address().port}/restricted`);
  await page.locator('iframe').waitFor();
  await page.waitForTimeout(1500);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  assert.ok(!frame.url().startsWith(env.server.widgetOrigin), `blocked, not loaded: ${frame.url()}`);
  const widget = await frame.locator('.mtr-root').count().catch(() => 0);
  assert.equal(widget, 0, 'the widget did not render in a frame it may not be in');
  await context.close();
  host.close();
});

test('the widget speaks English when the page asks for it', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.widgetOrigin}/w/demo?lang=en`);
  await page.getByRole('heading', { level: 1, name: 'What should the digital ministry take care of first?' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The language links reload the page in the other language.
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wofür soll das Digitalministerium zuerst sorgen?' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'de');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the public results page is readable without JavaScript and accessible', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.widgetOrigin}/results/demo`);
  await page.getByRole('heading', { level: 1, name: 'Wofür soll das Digitalministerium zuerst sorgen?' }).waitFor();
  // Academia (10) is published; business and civil society (one each) are not, and so the
  // overall is not either: it minus academia would show those two. The table behind the
  // chart opens without JavaScript.
  const groups = page.getByRole('figure', { name: 'Platz jedes Ziels in jeder Gruppe' });
  await groups.getByText('Als Tabelle').click();
  await groups.getByRole('table', { name: 'Platz jedes Ziels in jeder Gruppe' }).waitFor();
  // Said in the briefing and where the overall ranking would be.
  await page.getByTestId('briefing').getByText('Die Gesamtwertung erscheint, sobald', { exact: false }).waitFor();
  await page.getByRole('paragraph').filter({ hasText: 'Die Gesamtwertung erscheint, sobald' }).waitFor();
  assert.equal(await page.getByRole('columnheader', { name: /Wirtschaft \(weniger als 10\)/ }).count(), 1);
  await context.close();
  const withJs = await env.browser.newContext();
  const checked = await withJs.newPage();
  await checked.goto(`${env.server.widgetOrigin}/results/demo?lang=en`);
  await checked.getByRole('heading', { level: 1, name: 'What should the digital ministry take care of first?' }).waitFor();
  assert.deepEqual(await axeViolations(checked), [], 'public results page');
  await withJs.close();
});

test('an unknown consultation is a plain sentence, not a blank frame', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${env.server.widgetOrigin}/w/no-such-consultation`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), 'Diese Beteiligung gibt es nicht (mehr).');
  await context.close();
});

test('the welcome and the first question are in the page before any WebAssembly; what is done before the widget arrives is kept, and nothing jumps or loses focus', async () => {
  // As narrow as the frame is in the demo page 320 px wide.
  const context = await env.browser.newContext({ locale: 'de-DE', viewport: { width: 280, height: 700 } });
  const page = await context.newPage();
  // The widget's module is held back until released, as on a slow connection.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const wasm = [];
  await page.route(/\/mitreden-widget_bg\.wasm$/, async (route) => {
    wasm.push(route.request().url());
    await released;
    await route.continue();
  });
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  const welcome = page.getByRole('heading', { level: 2, name: 'Worum es geht' });
  await welcome.waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  assert.deepEqual(await axeViolations(page), [], 'the welcome as the server sends it');
  // The very elements the server sent stay (the widget takes over, it does not redraw).
  await page.evaluate(() => {
    document.getElementById('mtr-title').dataset.original = 'yes';
    document.getElementById('mtr-group-academia').dataset.original = 'yes';
  });

  // Keyboard only: Tab to "Beginnen" and press it while the widget is still on its way. The
  // first question is there at once, focus on its heading.
  await tabUntil(page, page.mainFrame(), (el) => el.tag === 'button' && el.name === 'Beginnen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-who-heading');
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Wer Sie sind' }).isVisible(), true);
  assert.equal(await welcome.isVisible(), false, 'the welcome gives way to the question');
  assert.equal(await page.getByText('Schritt 2 von 6').isVisible(), true);
  assert.equal(page.url(), `${env.server.widgetOrigin}/w/demo`, 'no navigation to the plain form');
  assert.ok(wasm.length >= 1, 'the first sign of use asked for the widget');
  assert.equal(await page.locator('#mtr-app *').count(), 0, 'the widget has not started');
  assert.deepEqual(await axeViolations(page), [], 'the first question before the widget');

  // The question is answered without the widget, and "Weiter" pressed while it is still away.
  await tabUntil(page, page.mainFrame(), (el) => el.tag === 'input' && el.type === 'radio');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#mtr-group-academia').isChecked(), true);
  const nextTop = () => page.locator('button[data-mtr-act="next"]').evaluate((e) => e.getBoundingClientRect().top + scrollY);
  const nextBefore = await nextTop();
  await tabUntil(page, page.mainFrame(), (el) => el.tag === 'button' && el.name === 'Weiter');
  await page.keyboard.press('Enter');
  await page.locator('button[data-mtr-act="next"][aria-busy="true"]').waitFor();
  // Nothing seems to happen on a slow line, so people press again: still one step on.
  await page.keyboard.press('Enter');
  assert.equal(page.url(), `${env.server.widgetOrigin}/w/demo`, 'no navigation to the plain form');
  // A moment later the wait is said and shown, not only signalled by the pointer.
  const status = page.getByRole('status').filter({ hasText: 'Wird geladen\u00A0…' });
  await status.waitFor();
  assert.equal(await status.count(), 1, 'said once, where it was pressed');
  assert.deepEqual(await axeViolations(page), [], 'the first question while the widget is on its way');
  assert.equal(await nextTop(), nextBefore, 'the status pushes nothing down');

  release();
  // The widget goes on with the answer given: the ranking, focus on its heading.
  await page.getByRole('heading', { level: 2, name: 'Ihre Prioritäten' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-step-heading');
  await page.waitForTimeout(300);
  assert.equal(await page.getByText('Schritt 3 von 6').isVisible(), true, 'one step on, not two');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Wird geladen' }).count(), 0, 'nothing left saying "loading"');
  // Back: the same question, the same answer, the elements the server sent.
  await page.getByRole('button', { name: 'Zurück' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-who-heading');
  assert.equal(await page.locator('#mtr-group-academia').isChecked(), true);
  assert.equal(await page.locator('#mtr-group-academia').getAttribute('data-original'), 'yes');
  // Back on the welcome: the server's heading, focused.
  await page.getByRole('button', { name: 'Zurück' }).click();
  await welcome.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-welcome-heading');
  assert.equal(await page.locator('#mtr-title').getAttribute('data-original'), 'yes');
  await context.close();
});

test('what is taken back before the widget arrives stays taken back: "Weiter" then "Zurück" leaves the visitor on the welcome, saying nothing is loading', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\/mitreden-widget_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByRole('radio', { name: 'Wissenschaft' }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('status').filter({ hasText: 'Wird geladen' }).waitFor();
  await page.getByRole('button', { name: 'Zurück' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-welcome-heading');
  const loading = page.getByRole('status').filter({ hasText: 'Wird geladen' });
  assert.equal(await loading.count(), 0, 'nothing is waited for any more');
  // Beginnen and back again: nothing to wait for either (the page does it alone).
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-who-heading');
  await page.waitForTimeout(400);
  assert.equal(await loading.count(), 0, 'the first question shows at once');
  await page.getByRole('button', { name: 'Zurück' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-welcome-heading');

  release();
  await page.waitForFunction(() => document.querySelectorAll('#mtr-app *').length > 0);
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Worum es geht' }).isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'mtr-welcome-heading', 'focus stays');
  // The widget has the page as it was: on to the question, the group still chosen, and on.
  await page.getByRole('button', { name: 'Beginnen' }).click();
  assert.equal(await page.getByRole('radio', { name: 'Wissenschaft' }).isChecked(), true);
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('heading', { level: 2, name: 'Ihre Prioritäten' }).waitFor();
  await context.close();
});

test('a visitor who only looks loads the widget when the browser is idle; if it cannot load, the first question leads to the plain form with the group chosen', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const module = page.waitForResponse((r) => r.url().endsWith('/mitreden-widget_bg.wasm'));
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  await page.getByRole('heading', { level: 2, name: 'Worum es geht' }).waitFor();
  // Nobody touched anything: the widget came once the browser was idle, compressed, in one
  // module.
  assert.match((await module).headers()['content-encoding'] ?? '', /^(br|gzip)$/);
  await page.waitForFunction(() => [...document.querySelectorAll('#mtr-app *')].length > 0);
  // With the widget there, "Weiter" without an answer is an error tied to the question.
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByRole('button', { name: 'Weiter' }).click();
  const error = page.locator('#mtr-who-error');
  await error.filter({ hasText: 'Bitte wählen Sie eine Gruppe.' }).waitFor();
  assert.match(await page.locator('#mtr-who fieldset').getAttribute('aria-describedby'), /\bmtr-who-error\b/);
  await page.waitForFunction(() => document.activeElement?.id === 'mtr-group-citizens');
  assert.deepEqual(await axeViolations(page), [], 'the first question with its error');
  await context.close();

  // The widget does not arrive (a filter, a dropped connection, WebAssembly switched off):
  // the visitor still gets in, with what they chose.
  const blocked = await env.browser.newContext({ locale: 'de-DE' });
  const other = await blocked.newPage();
  await other.route(/\/mitreden-widget_bg\.wasm$/, (route) => route.abort());
  await other.goto(`${env.server.widgetOrigin}/w/demo`);
  await other.getByRole('button', { name: 'Beginnen' }).click();
  // An organisation cannot hand in a statement without it: told so, at its choice.
  await other.getByRole('radio', { name: 'Ich spreche für eine Organisation und gebe eine Stellungnahme ab' }).check();
  await other.getByRole('button', { name: 'Weiter' }).click();
  await other.locator('#mtr-who-error').filter({ hasText: 'Eine Stellungnahme lässt sich nur mit dem vollständigen Beteiligungsformular abgeben' }).waitFor();
  await other.waitForFunction(() => document.activeElement?.id === 'mtr-who-error');
  assert.equal(new URL(other.url()).pathname, '/w/demo', 'not sent to a form that takes no statements');
  assert.deepEqual(await axeViolations(other), [], 'the first question saying a statement needs the widget');
  await other.getByRole('radio', { name: 'Wissenschaft' }).check();
  await other.getByRole('button', { name: 'Weiter' }).click();
  await other.waitForURL(/\/w\/demo\/form\?lang=de&group=academia$/);
  await other.getByRole('heading', { level: 2, name: 'Ihre Antwort' }).waitFor();
  assert.equal(await other.getByRole('radio', { name: 'Wissenschaft' }).isChecked(), true);
  await blocked.close();
});

test('a step that comes in shows from its top, "Schritt n von m" included, even when its heading was already partly on screen', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.server.demoUrl);
  const iframe = page.locator('iframe[data-mitreden-frame="demo"]');
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.waitForFunction(() => document.querySelectorAll('#mtr-app *').length > 0);
  await frame.getByRole('radio', { name: 'Wissenschaft' }).check();
  // Scrolled so that the next step's heading will show its lower edge only (the browser then
  // scrolls a focused element just so far that it shows, leaving what is above it cut off).
  const frameTop = await page.evaluate(
    () => document.querySelector('iframe[data-mitreden-frame]').getBoundingClientRect().top + scrollY,
  );
  await page.evaluate((y) => scrollTo(0, y), frameTop + 80);
  const heading = await frame.locator('#mtr-who-heading').evaluate((h) => h.getBoundingClientRect().top);
  assert.ok(heading > 40 && heading < 120, `the question's heading ${heading}px into the frame`);
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.waitForFunction(() => document.activeElement?.id === 'mtr-step-heading');
  await page.waitForTimeout(300);
  const progress = frame.locator('#mtr-app .mtr-progress');
  assert.match(await progress.textContent(), /Schritt 3 von 6/);
  const onScreen = (await iframe.boundingBox()).y + (await progress.evaluate((p) => p.getBoundingClientRect().top));
  assert.ok(onScreen >= 8, `"Schritt 3 von 6" at ${onScreen}px, at or above the screen's edge`);
  await context.close();
});

test('when the widget\'s download stalls, the first question goes on to the plain form after a while instead of waiting for good', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  // A dropped mobile connection: the module is asked for and never arrives, nor fails.
  await page.route(/\/mitreden-widget_bg\.wasm$/, () => {});
  await page.goto(`${env.server.widgetOrigin}/w/demo`);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByRole('radio', { name: 'Ich spreche für eine Organisation und gebe eine Stellungnahme ab' }).check();
  const pressed = Date.now();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('status').filter({ hasText: 'Wird geladen\u00A0…' }).waitFor();
  // An organisation is told, in the end, that a statement needs what did not arrive.
  await page
    .locator('#mtr-who-error')
    .filter({ hasText: 'Eine Stellungnahme lässt sich nur mit dem vollständigen Beteiligungsformular abgeben' })
    .waitFor({ timeout: 30000 });
  assert.ok(Date.now() - pressed >= 10000, 'not before the download had a fair chance');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Wird geladen' }).count(), 0, 'no longer said to be loading');
  // Who then takes part as a person is not made to wait again.
  await page.getByRole('radio', { name: 'Wirtschaft' }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForURL(/\/w\/demo\/form\?lang=de&group=business$/, { timeout: 5000 });
  assert.equal(await page.getByRole('radio', { name: 'Wirtschaft' }).isChecked(), true);
  await context.close();
});

test('embedded, without the widget the plain form keeps the frame fitted, with the group chosen, and it and its receipt show from their top', async () => {
  const context = await env.browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.route(/\/mitreden-widget_bg\.wasm$/, (route) => route.abort());
  await page.goto(env.server.demoUrl);
  const iframe = page.locator('iframe[data-mitreden-frame="demo"]');
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.getByRole('button', { name: 'Beginnen' }).click();
  await frame.getByRole('radio', { name: 'Wissenschaft' }).check();
  await frame.getByRole('button', { name: 'Weiter' }).click();
  await frame.getByRole('heading', { level: 2, name: 'Ihre Antwort' }).waitFor();
  const address = new URL(frame.url());
  assert.equal(address.pathname, '/w/demo/form');
  assert.equal(address.searchParams.get('group'), 'academia');
  assert.equal(address.searchParams.get('parent'), new URL(env.server.demoUrl).origin);
  assert.equal(await frame.getByRole('radio', { name: 'Wissenschaft' }).isChecked(), true);
  // The frame grows to the long form: no scroll box inside the host page.
  await page.waitForFunction(() => parseInt(document.querySelector('iframe[data-mitreden-frame]').style.height, 10) > 2000);
  const content = await frame.evaluate(() => document.body.offsetHeight);
  const box = await iframe.boundingBox();
  assert.ok(Math.abs(box.height - content) <= 2, `iframe ${box.height}px, content ${content}px`);
  assert.equal(await frame.evaluate(() => document.activeElement.tagName), 'H1', 'focus on the form\'s heading');

  // Sent from the bottom of the long form, each new page shows from its top, focus on what is
  // to be read first: browsers autofocus nothing in a cross-origin frame, and the host page
  // would stay scrolled down where the button was.
  const frameTopInView = async () => {
    const { y } = await iframe.boundingBox();
    return y >= 0 && y < 800;
  };
  const send = frame.getByRole('button', { name: 'Antwort absenden' });
  await send.click();
  await frame.locator('.mtr-error-summary').waitFor();
  await page.waitForFunction(() => document.querySelector('iframe[data-mitreden-frame]').getBoundingClientRect().top >= 0);
  assert.ok(await frameTopInView(), 'the form with its errors shows from its top');
  assert.equal(await frame.evaluate(() => document.activeElement.className), 'mtr-error-summary');
  const places = frame.locator('input.mtr-place-input');
  for (let i = 0, n = await places.count(); i < n; i++) await places.nth(i).fill(String(i + 1));
  await send.click();
  await frame.getByRole('heading', { level: 1, name: 'Vielen Dank für Ihre Antwort!' }).waitFor();
  await page.waitForFunction(() => document.querySelector('iframe[data-mitreden-frame]').getBoundingClientRect().top >= 0);
  assert.ok(await frameTopInView(), 'the receipt shows from its top');
  assert.equal(await frame.evaluate(() => document.activeElement.textContent.trim()), 'Vielen Dank für Ihre Antwort!');
  await context.close();
});

test('a widget far down the host page loads only when the visitor scrolls near it', async () => {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Lange Seite</title></head>
    <body><main><h1>Lange Seite</h1><div style="height: 8000px"></div>
    <div data-consultation="demo"></div>
    <script src="${env.server.widgetOrigin}/embed.js" async></script></main></body></html>`;
  const host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
  const context = await env.browser.newContext({ viewport: { width: 800, height: 700 } });
  const page = await context.newPage();
  const widgetRequests = [];
  page.on('request', (r) => {
    if (r.url().startsWith(env.server.widgetOrigin) && !r.url().endsWith('/embed.js')) widgetRequests.push(r.url());
  });
  await page.goto(`http://127.0.0.1:${host.address().port}/`);
  await page.locator('iframe[data-mitreden-frame="demo"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  assert.deepEqual(widgetRequests, [], 'nothing of the widget before the visitor scrolls');

  await page.locator('iframe[data-mitreden-frame="demo"]').scrollIntoViewIfNeeded();
  const frame = await (await page.locator('iframe[data-mitreden-frame="demo"]').elementHandle()).contentFrame();
  await frame.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(widgetRequests.some((url) => url.includes('/w/demo')));
  await context.close();
  host.close();
});
