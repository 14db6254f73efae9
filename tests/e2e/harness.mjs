// Shared set-up for the end-to-end tests: the real server binary on a fresh SQLite file, and
// Debian's Chromium driven by Playwright (never a downloaded browser).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

/** Starts mitreden on free ports with a staff admin `ada` (and the further command-line
 * arguments `args`); resolves to { widgetOrigin, demoUrl, resultsUrl, staffPassword, stop }. */
export async function startServer(args = []) {
  const bin = process.env.MITREDEN_BIN ?? 'target/debug/mitreden-server';
  const dir = mkdtempSync(join(tmpdir(), 'mitreden-e2e-'));
  const database = join(dir, 'e2e.db');
  const added = spawnSync(bin, ['staff', 'add', 'ada', '--role', 'admin', '--database', database], { encoding: 'utf8' });
  const staffPassword = added.stdout.split('Password (shown only now): ')[1]?.trim();
  if (!staffPassword) throw new Error(`could not add a staff member: ${added.stderr}`);
  const child = spawn(bin, [
    'serve',
    '--addr', '127.0.0.1:0',
    '--demo-page-addr', '127.0.0.1:0',
    '--database', database,
    '--widget-dir', process.env.MITREDEN_WIDGET_DIR ?? 'dist',
    '--dashboard-dir', process.env.MITREDEN_DASHBOARD_DIR ?? 'dashboard/dist',
    ...args,
  ], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });

  const urls = {};
  const lines = createInterface({ input: child.stdout });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    lines.on('line', (line) => {
      const [label, url] = line.split(/:\s+(?=http)/);
      if (url) urls[label.trim()] = url.trim();
      if (urls['Demo ministry page'] && urls['Results JSON']) resolve();
    });
  });
  const widgetOrigin = new URL(urls['Results JSON']).origin;
  return {
    widgetOrigin,
    demoUrl: urls['Demo ministry page'],
    resultsUrl: urls['Results JSON'],
    staffPassword,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** One server and one browser for all tests of a file: `env.server` (see `startServer`) and
 * `env.browser`, there once the file's tests run; both stopped after the last. */
export function serverAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Runs axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) in a page or frame. */
export async function axeViolations(frame) {
  if (!(await frame.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the pages' Content-Security-Policy (rightly)
    // refuses injected <script> tags.
    await frame.evaluate(AXE_SOURCE);
  }
  const result = await frame.evaluate(() =>
    window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
      },
    }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/**
 * Presses Tab (inside `page`, which holds the iframe) until the focused element in `frame`
 * satisfies `test`, as a keyboard user would. Fails after `max` presses.
 */
export async function tabUntil(page, frame, test, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await frame.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type'),
        id: el.id,
        name: (el.getAttribute('aria-label') ?? el.innerText ?? '').trim(),
      };
    });
    if (focused && test(focused)) return focused;
  }
  throw new Error('focus never reached the expected element');
}

/** Waits until the live region announces `expected` (the widget updates it asynchronously). */
export async function announced(frame, expected) {
  try {
    await frame.waitForFunction(
      (text) => document.querySelector('[data-testid=live-region]')?.textContent.trim() === text,
      expected,
      { timeout: 5000 },
    );
  } catch {
    const actual = await frame.locator('[data-testid=live-region]').textContent();
    throw new Error(`expected the announcement "${expected}", got "${actual.trim()}"`);
  }
}

const PRIORITIES = ['digital-identity', 'services-online', 'once-only', 'federal-it',
  'shared-platforms', 'digital-skills', 'impact-steering', 'visible-progress'];

/** Crafted responses to the demo, 12 each from three groups: citizens and business put services-online first and lean to quick wins;
 * academia ranks digital-skills first and leans the other way. Resolves to the public results
 * once their rank intervals count everyone. */
export async function seedResponses(origin) {
  const groups = [
    ['citizens', ['services-online', 'digital-identity', 'once-only'], -2],
    ['business', ['services-online', 'once-only', 'federal-it'], -1],
    ['academia', ['digital-skills', 'impact-steering', 'visible-progress'], 2],
  ];
  let n = 0;
  for (const [group, top, lean] of groups) {
    for (let i = 0; i < 12; i++) {
      const rest = PRIORITIES.filter((p) => !top.includes(p));
      const body = {
        id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
        group,
        ranking: [...top, ...rest.slice(i % 3)],
        shown: PRIORITIES,
        positions: [{ conflict: 'quick-wins-vs-depth', position: i < 11 ? lean : 0 }],
        lang: 'de',
      };
      const r = await fetch(`${origin}/api/v1/consultations/demo/responses`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      assert.equal(r.status, 201, await r.text());
    }
  }
  // The rank intervals are computed in the background: wait until they count everyone.
  for (let i = 0; i < 200; i++) {
    const r = await (await fetch(`${origin}/api/v1/consultations/demo/results`)).json();
    if (r.as_of.uncertainty === r.total) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the uncertainty never caught up');
}
