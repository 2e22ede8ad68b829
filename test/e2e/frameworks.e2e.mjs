// @ts-check
/** The npm package from React 19 and Vue 3: attributes in, items rendered, the status event out. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordProblems, useDemoServer } from './demo-server.mjs';

describe('live-ticker in frameworks', () => {
  const demo = useDemoServer();

  for (const framework of ['react', 'vue']) {
    it(`works in ${framework === 'react' ? 'React 19' : 'Vue 3'}`, async () => {
      const page = await (await demo.browser()).newPage();
      const problems = recordProblems(page);
      await page.goto(`${demo.origin}/demo/frameworks/${framework}.html`);
      await page.locator('live-ticker [part="list"] [part~="item"]').nth(4).waitFor();
      assert.equal(await page.locator('live-ticker [part="heading"]').innerText(), 'Meer uit Buitenland');
      assert.equal(await page.locator('live-ticker [part="list"] [part~="item"]').count(), 5, 'max-items reached the element');
      await page.locator('#status', { hasText: 'status: live' }).waitFor();
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
