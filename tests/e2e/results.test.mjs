// The public results page as a press officer and a citizen meet it in Chromium: the briefing
// on crafted responses, readable at 320, 390 and 1366 px and at 200 % zoom without sideways
// scrolling, no axe violations, German number formats, links from findings to their charts,
// and charts downloaded as SVG and PNG.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { axeViolations, seedResponses, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();

test('the public page briefs, reads at every width and hands out its charts', async () => {
  const origin = env.server.widgetOrigin;
  const results = await seedResponses(origin);
  const url = `${origin}/results/demo`;

  const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(url);
  const briefing = page.getByTestId('briefing');
  // The sentences, each from the published figures.
  await briefing.getByText('36 Antworten, Stand').waitFor();
  const lead = briefing.getByRole('listitem').filter({ hasText: 'liegt klar vorn' });
  await lead.filter({ hasText: '„Verwaltungsleistungen vollständig online“' }).waitFor();
  assert.equal(results.overall.ranking[0].priority, 'services-online');
  assert.deepEqual(results.overall.ranking[0].rank_interval, [1, 1]);
  // The split names the goal, groups, places and points of the published finding, and the
  // rankings show the same places.
  const definition = await (await fetch(`${origin}/api/v1/consultations/demo`)).json();
  const title = (id) => definition.priorities.find((p) => p.id === id).title.de;
  const label = (id) => definition.groups.find((g) => g.id === id).label.de;
  const split = results.findings.find((f) => f.kind === 'split');
  assert.ok(split.clear, JSON.stringify(split));
  const points = (p) => p.toFixed(1).replace('.', ',');
  const text = await briefing.innerText();
  assert.ok(text.includes(`Am deutlichsten unterscheiden sich die Gruppen bei „${title(split.priority)}“: `
    + `${label(split.high.group)} auf Platz\u00a0${split.high.rank} (${points(split.high.points)} Punkte), `
    + `${label(split.low.group)} auf Platz\u00a0${split.low.rank} (${points(split.low.points)} Punkte)`), text);
  for (const side of [split.high, split.low]) {
    assert.equal(results.groups[side.group].ranking.find((l) => l.priority === split.priority).rank, side.rank);
  }
  const conflict = briefing.getByRole('listitem').filter({ hasText: 'Zielkonflikt „Schnelle Erfolge oder strukturelle Tiefe?“' });
  await conflict.filter({ hasText: 'Bürgerinnen und Bürger und Wirtschaft: eher „Schnell sichtbare Verbesserungen“ (92\u202f%, 92\u202f%)' }).waitFor();
  await conflict.filter({ hasText: 'Wissenschaft: eher „Grundlegende Reformen, die länger dauern“ (92\u202f%)' }).waitFor();
  await briefing.getByText('Zu wenige Antworten für eine eigene Aussage (unter 10): Zivilgesellschaft und Öffentliche Verwaltung.').waitFor();

  // A finding leads to the chart that shows it.
  await lead.getByRole('link', { name: 'Zum Diagramm' }).click();
  const ranking = page.getByRole('figure', { name: 'Rangfolge aller Antworten' });
  await page.waitForURL(/#chart-ranking$/);
  assert.ok(await ranking.isVisible());

  // The table behind the chart, in German number format.
  await ranking.getByText('Als Tabelle').click();
  const table = ranking.getByRole('table', { name: 'Rangfolge aller Antworten' });
  const first = table.getByRole('row').filter({ hasText: 'Verwaltungsleistungen vollständig online' });
  const cells = await first.getByRole('cell').allInnerTexts();
  assert.match(cells[1], /^\d+,\d$/, `points with a decimal comma: ${cells}`);
  assert.equal(cells[2], '1', 'place 1 for sure (90 %)');
  assert.match(cells[3], /^\d+\u202f%$/, `a share with a narrow space before %: ${cells}`);

  // Downloads for slides: the same chart as SVG and as PNG.
  for (const [format, check] of [
    ['SVG', (bytes) => assert.match(bytes.toString('utf8'), /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)],
    ['PNG', (bytes) => assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47])],
  ]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      ranking.getByRole('link', { name: format }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `demo-ranking.${format.toLowerCase()}`);
    check(readFileSync(await download.path()));
  }
  // The SVG parses as an image with the source line drawn in.
  const svgUrl = await ranking.getByRole('link', { name: 'SVG' }).getAttribute('href');
  const svgText = await (await page.request.get(new URL(svgUrl, origin).href)).text();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' '),
    };
  }, svgText);
  assert.equal(parsed.error, null);
  assert.match(parsed.text, /Quelle: Beteiligung .+ 36 Antworten, Stand \d+\. \p{L}+ \d{4}/u);
  await page.close();

  // 320 and 390 px phones, a laptop, and 1366 px at 200 % zoom (683 CSS pixels).
  for (const width of [320, 390, 683, 1366]) {
    const narrow = await env.browser.newPage({ viewport: { width, height: 800 } });
    await narrow.goto(url);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `nothing runs off the page at ${width} px`);
    // Every figure and heading fits; wide tables scroll inside their own focusable region.
    const cut = await narrow.evaluate(() => [...document.querySelectorAll('h1, h2, h3, figure, p, svg')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => e.textContent.slice(0, 40)));
    assert.deepEqual(cut, [], `cut off at ${width} px`);
    assert.deepEqual(await axeViolations(narrow), [], `axe at ${width} px`);
    await narrow.close();
  }

  // English readers get English sentences and formats.
  const english = await env.browser.newPage();
  await english.goto(`${url}?lang=en`);
  await english.getByTestId('briefing').getByText('36 responses as of').waitFor();
  await english.getByTestId('briefing').getByText(/“Administrative services fully online” clearly leads/).waitFor();
  await english.getByRole('link', { name: 'Deutsch' }).click();
  await english.getByTestId('briefing').getByText('36 Antworten, Stand').waitFor();
  await english.close();
});

test('the report prints as a tagged A4 PDF within its page budget', async () => {
  const origin = env.server.widgetOrigin;
  const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${origin}/results/demo`);
  await page.getByRole('link', { name: 'Bericht zum Drucken (A4, PDF)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wofür soll das Digitalministerium zuerst sorgen?' }).waitFor();
  await page.getByText('36 Antworten · Stand').waitFor();
  // Every table is open, to be read on paper.
  assert.ok(await page.getByRole('table', { name: 'Rangfolge aller Antworten' }).isVisible());
  for (const width of [320, 390, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `report at ${width} px`);
    assert.deepEqual(await axeViolations(page), [], `report axe at ${width} px`);
  }
  // As Chrome's "Save as PDF" writes it: A4, tagged, with an outline of the headings. The page
  // budget for a consultation of the demo's size (8 goals, 5 groups, 5 conflicts) is 12 in
  // either language: a cover, the briefing, then the sections without forced breaks.
  for (const lang of ['de', 'en']) {
    await page.goto(`${origin}/results/demo/report?lang=${lang}`);
    const pdf = (await page.pdf({ format: 'A4', tagged: true, outline: true, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g).length;
    assert.ok(pages >= 4 && pages <= 12, `${lang}: ${pages} pages`);
    assert.ok(pdf.includes('/StructTreeRoot'), 'tagged: headings, tables and figures are marked');
    assert.ok(pdf.includes('/Outlines'), 'the headings form the bookmarks');
  }
  await page.close();
});
