/**
 * The demo app on 127.0.0.1 with a headless Chromium page on it, ready for a suite's own init
 * scripts: the setup the fault, edge and attack suites share.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startDemo, type DemoApp } from '../../demo/server/demo-app.ts';
import { launchChromium } from './harness.ts';
import { collectPageErrors, recordRoomEvents } from './room-page.ts';

export interface DemoPage {
  readonly demo: DemoApp;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors, as they happen. */
  readonly errors: string[];
}

/** Starts the demo (no crowd, quiet, its own vite cache `name`) and opens a desktop-sized page recording room events. */
export async function openDemoPage(name: string, env: Record<string, string>): Promise<DemoPage> {
  const demo = await startDemo({
    port: 0,
    host: '127.0.0.1',
    crowd: false,
    quiet: true,
    hmr: false,
    viteCacheDir: fileURLToPath(new URL(`../../node_modules/.vite/${name}`, import.meta.url)),
    env,
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await recordRoomEvents(page);
  return { demo, browser, context, page, errors };
}
