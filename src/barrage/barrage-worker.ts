/**
 * The barrage worker: a dedicated module worker that owns the transferred OffscreenCanvas and
 * paints there, so flying comments cost the page's main thread nothing but a few messages.
 * Loaded with vite's `?worker` suffix (a real file, not a `blob:` URL, so strict CSP works).
 * All logic lives in `PainterHost`, shared with the main-thread fallback.
 */
import type { PainterCommand, PainterEvent } from './barrage-protocol.ts';
import { PainterHost } from './painter-host.ts';

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PainterCommand>) => void): void;
  close(): void;
}

/** This module runs in a dedicated worker: its global scope is the worker's (typed here, DOM lib aside). */
const scope = globalThis as typeof globalThis & WorkerScope;

const host = new PainterHost({
  post: (event: PainterEvent, transfer?: Transferable[]) => scope.postMessage(event, transfer ?? []),
  createSurface: (width, height) => new OffscreenCanvas(width, height),
});

scope.addEventListener('message', (event) => {
  const cmd = event.data;
  try {
    host.handle(cmd);
  } catch (err) {
    scope.postMessage({ t: 'error', message: String((err as Error)?.message ?? err) } satisfies PainterEvent);
  }
  if (cmd.t === 'destroy') scope.close();
});
