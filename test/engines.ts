/** The engine a test file runs in, and marks for tests an engine cannot run. */

export type Engine = 'chromium' | 'firefox' | 'webkit';

const agent = navigator.userAgent;
export const engine: Engine = /Firefox\//.test(agent) ? 'firefox' : /Chrom(e|ium)\//.test(agent) ? 'chromium' : 'webkit';

/**
 * `it` for a test that some engines cannot run, with the reason for each. It runs everywhere else;
 * where it cannot, it is registered as pending with the engine and reason in its title, and
 * scripts/test.mjs lists it with the counts — never skipped silently.
 */
export function itExcept(reasons: Partial<Record<Engine, string>>) {
  const reason = reasons[engine];
  return (title: string, test: Mocha.AsyncFunc): void => {
    if (reason) it.skip(`${title} [not in ${engine}: ${reason}]`, test);
    else it(title, test);
  };
}

/** Media emulation (prefers-reduced-motion, prefers-color-scheme) goes through CDP, which only Chromium speaks. */
export const MEDIA_EMULATION: Partial<Record<Engine, string>> = {
  firefox: 'no media emulation over WebDriver BiDi',
  webkit: 'no media emulation over WebDriver classic',
};
