// @ts-check
/**
 * Finds the Chromium the tests and benchmarks drive: $CHROME_PATH, else a system browser. On a
 * fresh Debian/Ubuntu machine where we are root, installs Debian's chromium; otherwise says in one
 * line what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @returns {string | undefined} */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Installs Debian packages when we are root on a machine with apt-get; says nothing and returns false otherwise.
 * @param {string} what @param {string[]} packages
 */
export function aptInstall(what, packages) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`live-ticker: no ${what} found; installing ${packages.join(' ')} with apt-get …`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

/** @returns {string} */
export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  if (aptInstall('Chromium', ['chromium'])) {
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    'live-ticker: the tests need Chromium: install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
