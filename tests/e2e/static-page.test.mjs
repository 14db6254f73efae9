// The widget's page of its own (index.html, built into dist/) on a static web server of
// another origin, against a running API server that allows that origin (--cors-origin): the
// widget renders the welcome itself, takes part through the API and links the API server's
// plain form and receipt look-up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { axeViolations, launchBrowser, startServer } from './harness.mjs';

const DIST = process.env.MITREDEN_WIDGET_DIR ?? 'dist';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};
// What dist/index.html names as the API until the operator sets it.
const DEFAULT_API = 'http://127.0.0.1:8080';

/** A plain static web server for dist/, as an operator would publish it. The one change is
 * the API's address in index.html (`api()`), which the operator sets. */
function staticHost(api) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    try {
      let body = await readFile(file);
      if (file.endsWith('index.html')) body = body.toString().replaceAll(DEFAULT_API, api());
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const env = {};
before(async () => {
  // The host first: its origin is the one the API is started to allow.
  env.host = await staticHost(() => env.server.widgetOrigin);
  env.origin = `http://127.0.0.1:${env.host.address().port}`;
  env.server = await startServer(['--cors-origin', env.origin]);
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  env.host?.close();
  await env.server?.stop();
});

async function results() {
  return (await fetch(env.server.resultsUrl)).json();
}

test('the build fills in the API and the consultation everywhere index.html names them', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /\{(build|api|consultation)\}/);
  assert.match(html, new RegExp(`data-mtr-api="${DEFAULT_API}" data-mtr-consultation="demo"`));
  assert.match(html, new RegExp(`<a href="${DEFAULT_API}/w/demo/form">`));
});

test('index.html on a static host renders the welcome itself, reads at every width and links the API server', async () => {
  for (const width of [320, 390, 1366]) {
    const page = await env.browser.newPage({ viewport: { width, height: 900 } });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).origin));
    await page.goto(env.origin);
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    assert.equal(await title.textContent(), 'Wofür soll das Digitalministerium zuerst sorgen?');
    assert.equal(await page.title(), 'Wofür soll das Digitalministerium zuerst sorgen?');
    // Nothing cut off: the page is no wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `fits ${width} px`);
    assert.deepEqual(await axeViolations(page), [], `welcome at ${width} px`);
    // The pages a participant may need without the widget are the API server's.
    const lookup = await page.locator('form[data-mtr-lookup]').getAttribute('action');
    assert.equal(new URL(lookup).origin, env.server.widgetOrigin);
    assert.equal(new URL(await page.locator('form.mtr-nav').getAttribute('action')).href,
      `${env.server.widgetOrigin}/w/demo/form`);
    const privacy = await page.getByRole('link', { name: /Datenschutzhinweise/ }).getAttribute('href');
    assert.equal(new URL(privacy).origin, env.server.widgetOrigin);
    // Only the static host and the API: no third party.
    assert.deepEqual([...new Set(requests)].sort(), [env.origin, env.server.widgetOrigin].sort());
    await page.close();
  }
});

test('on the static page a person takes part through the API and gets a receipt', async () => {
  const page = await env.browser.newPage({ viewport: { width: 390, height: 800 } });
  const before = (await results()).total;
  await page.goto(env.origin);
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.getByLabel('Wissenschaft').check();
  assert.deepEqual(await axeViolations(page), [], 'first question on the static page');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('button', { name: 'Register, die nur einmal fragen: einordnen' }).click();
  assert.deepEqual(await axeViolations(page), [], 'ranking on the static page');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Weiter' }).click();
  await page.locator('#mtr-step-heading', { hasText: 'Ihre Angaben prüfen' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'review on the static page');
  await page.getByRole('button', { name: 'Antwort absenden' }).click();
  await page.getByTestId('receipt-code').waitFor({ timeout: 15000 });
  assert.deepEqual(await axeViolations(page), [], 'receipt on the static page');
  assert.equal((await results()).total, before + 1, 'stored by the API');
  await page.close();
});

test('the static page asks for the consultation in the language of its address', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.origin}/?lang=en`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('button', { name: 'Start' }).count(), 1);
  await page.close();
});

test('an API that does not allow the static page says so in the page, in its language', async () => {
  const other = await startServer();
  const host = await staticHost(() => other.widgetOrigin);
  try {
    const page = await env.browser.newPage();
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /kann gerade nicht geladen werden/);
    // The plain form on the API's server needs no CORS: offered instead.
    const instead = page.getByRole('link', { name: 'Über das einfache Formular teilnehmen' });
    assert.equal(await instead.getAttribute('href'), `${other.widgetOrigin}/w/demo/form?lang=de`);
    assert.deepEqual(await axeViolations(page), [], 'error on the static page');
    // In the language the address asks for.
    await page.goto(`http://127.0.0.1:${host.address().port}/?lang=en`);
    await page.getByRole('link', { name: 'Take part through the simple form' }).waitFor();
    await page.close();
  } finally {
    host.close();
    await other.stop();
  }
});
