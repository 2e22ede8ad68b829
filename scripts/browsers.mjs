// @ts-check
/**
 * The three engines the tests run in — Chromium, Firefox and WebKit — found on this machine, installed
 * with apt-get where we can (root on Debian/Ubuntu), else named in one line saying what to install.
 *
 * - Chromium: puppeteer/Playwright over CDP (scripts/chrome.mjs).
 * - Firefox: puppeteer-core over WebDriver BiDi, headless (no geckodriver needed).
 * - WebKit: WebKitGTK's WebKitWebDriver (WebDriver classic) driving its MiniBrowser, in an Xvfb display.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port.mjs';
import { aptInstall, ensureChrome } from './chrome.mjs';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/** @type {Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** @param {string | undefined} fromEnv @param {string[]} candidates */
const firstExisting = (fromEnv, candidates) => (fromEnv && existsSync(fromEnv) ? fromEnv : candidates.find((path) => existsSync(path)));

const findFirefox = () => firstExisting(process.env.FIREFOX_PATH, ['/usr/bin/firefox-esr', '/usr/bin/firefox']);
const findWebKitDriver = () => firstExisting(process.env.WEBKIT_WEBDRIVER_PATH, ['/usr/bin/WebKitWebDriver']);
const findXvfb = () => firstExisting(undefined, ['/usr/bin/Xvfb']);

/** What to apt-get for each engine, and the one line for machines where we cannot. */
const INSTALL = {
  firefox: {
    packages: ['firefox-esr'],
    hint: 'Firefox tests need Firefox: install it (Debian: `apt-get install -y firefox-esr`) or set FIREFOX_PATH',
  },
  webkit: {
    packages: ['webkit2gtk-driver', 'xvfb'],
    hint: 'WebKit tests need WebKitWebDriver and Xvfb: install them (Debian: `apt-get install -y webkit2gtk-driver xvfb`)',
  },
};

/**
 * The executable that drives an engine, installing it when we can; undefined (after one line on stderr
 * saying what to install) when it cannot be had.
 * @param {Engine} engine
 * @returns {string | undefined}
 */
export function ensureEngine(engine) {
  if (engine === 'chromium') return ensureChrome();
  const find = engine === 'firefox' ? findFirefox : () => (findXvfb() ? findWebKitDriver() : undefined);
  const found = find() ?? (aptInstall(engine, INSTALL[engine].packages) ? find() : undefined);
  if (!found) {
    console.error(
      `live-ticker: ${INSTALL[engine].hint}, or leave the engine out: LIVE_TICKER_ENGINES=${ENGINES.filter((e) => e !== engine).join(',')} npm test`,
    );
  }
  return found;
}

/** The engines to test: $LIVE_TICKER_ENGINES (comma-separated) or all three. */
export function selectedEngines() {
  const wanted = (process.env.LIVE_TICKER_ENGINES ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !ENGINES.includes(/** @type {Engine} */ (name)));
  if (unknown.length) throw new Error(`LIVE_TICKER_ENGINES: unknown engine ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  return wanted.length ? /** @type {Engine[]} */ (wanted) : ENGINES;
}

/** puppeteer-core launch options for headless Firefox over WebDriver BiDi. */
export function firefoxLaunchOptions() {
  const executablePath = ensureEngine('firefox');
  if (!executablePath) throw new Error('Firefox is not installed');
  return { browser: /** @type {const} */ ('firefox'), executablePath, headless: true };
}

/**
 * Starts an Xvfb display and a WebKitWebDriver on it (each in a process group of its own, so that
 * stopping them by PID also ends the MiniBrowser windows they opened).
 * @returns {Promise<{ port: number, capabilities: Record<string, unknown>, stop: () => void }>}
 */
export async function startWebKitDriver() {
  const driverPath = ensureEngine('webkit');
  if (!driverPath) throw new Error('WebKitWebDriver is not installed');
  /** @type {import('node:child_process').ChildProcess[]} */
  const started = [];
  const stop = () => {
    for (const child of started.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', stop);
  try {
    // -displayfd: Xvfb picks a free display number itself and writes it to us once it accepts clients.
    const xvfb = spawn(/** @type {string} */ (findXvfb()), ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    started.push(xvfb);
    const display = await new Promise((resolve, reject) => {
      let out = '';
      xvfb.stdout?.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.trim());
      });
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
    const port = await freePort();
    const driver = spawn(driverPath, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, DISPLAY: `:${display}` },
    });
    started.push(driver);
    // Ready when its status endpoint answers; bounded so a broken driver fails the run rather than hanging it.
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(`http://127.0.0.1:${port}/status`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (attempt >= 300 || driver.exitCode !== null) throw new Error('WebKitWebDriver did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      port,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitGTK's driver speaks WebDriver classic only.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { args: ['--automation'] },
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
