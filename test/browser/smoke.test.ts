import { expect, test } from 'vitest';
import { page } from 'vitest/browser';

test('runs in a real Chromium', async () => {
  const el = document.createElement('div');
  el.textContent = 'hello';
  document.body.append(el);
  expect(navigator.userAgent).toMatch(/Chrome/);
  const path = await page.screenshot({ path: 'smoke.png' });
  expect(path).toMatch(/smoke\.png$/);
});
