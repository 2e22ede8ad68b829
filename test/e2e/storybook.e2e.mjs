// @ts-check
/**
 * Storybook as a test fixture: builds it (offline, telemetry off), then renders every story in
 * Chromium and requires no console error and zero axe violations.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.mjs';
import { serveStatic } from './static-server.mjs';

const OUT = join('node_modules', '.cache', 'storybook-e2e');

describe('Storybook', () => {
  /** @type {{ origin: string, close: () => void }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {{ id: string, type: string, title: string, name: string }[]} */
  let entries;

  before(async () => {
    execFileSync('node_modules/.bin/storybook', ['build', '--quiet', '-o', OUT], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    entries = Object.values(JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8')).entries);
    server = await serveStatic(OUT);
    browser = await chromium.launch({ executablePath: ensureChrome(), args: CHROME_ARGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('has an autodocs page per element, a Getting started page, and stories for every state the issue names', () => {
    const docs = entries.filter((entry) => entry.type === 'docs').map((entry) => entry.id);
    for (const id of [
      'getting-started-embed--docs',
      'elements-live-ticker--docs',
      'elements-live-ticker-item--docs',
      'elements-live-ticker-time--docs',
    ]) {
      assert.ok(docs.includes(id), id);
    }
    const stories = new Set(
      entries.filter((entry) => entry.type === 'story').map((entry) => entry.id.replace('elements-live-ticker--', '')),
    );
    for (const state of [
      'seed',
      'loading',
      'empty',
      'load-error',
      'stale',
      'many-items',
      'max-items',
      'marquee',
      'paused',
      'new-items-waiting',
      'dark',
      'right-to-left',
      'english',
      'german',
      'restored',
    ]) {
      assert.ok(stories.has(state), state);
    }
  });

  it('links the embed builder from the Getting started page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/iframe.html?id=getting-started-embed--docs&viewMode=docs`);
    const link = page.getByRole('link', { name: '/demo/builder.html' });
    assert.equal(await link.getAttribute('href'), 'http://127.0.0.1:5173/demo/builder.html');
    await page.close();
  });

  it('renders every story with no console error and zero axe violations', async () => {
    const stories = entries.filter((entry) => entry.type === 'story');
    assert.ok(stories.length >= 25, `${stories.length} stories`);
    const page = await browser.newPage();
    /** @type {string[]} */
    let problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A failed load is reported with its URL below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    /** @type {Record<string, string[]>} */
    const failures = {};
    for (const story of stories) {
      problems = [];
      await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForFunction(() => {
        const root = document.querySelector('#storybook-root');
        return root && root.querySelector('live-ticker, live-ticker-item, live-ticker-time');
      });
      // Let the elements (and the ones they render) finish their first updates.
      await page.evaluate(async () => {
        for (let round = 0; round < 3; round++) {
          const elements = [...document.querySelectorAll('live-ticker, live-ticker-item, live-ticker-time')];
          const shadowElements = elements.flatMap((element) => [...(element.shadowRoot?.querySelectorAll('live-ticker-time') ?? [])]);
          await Promise.all([...elements, ...shadowElements].map((element) => /** @type {any} */ (element).updateComplete));
        }
      });
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = await page.evaluate(async () => {
        // Storybook's a11y addon runs axe on each story too; wait for its run to finish.
        for (;;) {
          try {
            const result = await /** @type {any} */ (window).axe.run('#storybook-root');
            return result.violations.map((/** @type {any} */ violation) => `${violation.id}: ${violation.nodes.length} node(s)`);
          } catch (error) {
            if (!/already running/.test(String(error))) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      });
      const found = [...problems.filter((problem) => !problem.includes('Lit is in dev mode')), ...violations];
      if (found.length) failures[story.id] = found;
    }
    await page.close();
    assert.deepEqual(failures, {});
  });

  it('plays the restored story: the kept items at once, labelled for now, marked not current', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/iframe.html?id=elements-live-ticker--restored&viewMode=story`);
    await page.locator('live-ticker [part="list"] [part~="item"]').nth(6).waitFor();
    assert.equal(await page.locator('live-ticker').getAttribute('status'), 'stale');
    assert.match((await page.locator('live-ticker [part="status"]').textContent()) ?? '', /Niet actueel/);
    assert.equal(await page.locator('live-ticker [part="list"] [part="time"]').first().textContent(), '18 minuten geleden');
    await page.close();
  });

  it('plays the new-items story: two arrivals wait behind the button while paused', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/iframe.html?id=elements-live-ticker--new-items-waiting&viewMode=story`);
    await page.locator('live-ticker [part="new-items"]').waitFor();
    assert.equal(await page.locator('live-ticker [part="new-items"]').textContent(), '2 nieuwe berichten');
    assert.match((await page.locator('live-ticker [part="list"] [part="dateline"]').first().textContent()) ?? '', /^DOHA/);
    await page.close();
  });
});
