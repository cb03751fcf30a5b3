/**
 * The demo app: the room emulator (HTTP + WebSocket on one port) with vite in middleware mode for
 * the pages in `demo/`, the live HLS origin, and the demo room (`demo-room`) with its anchor and,
 * unless switched off, its crowd. `main.ts` (`npm start`) runs it from the command line; the e2e
 * tests start it in-process. Owns the emulator and the vite server; `close()` releases both and is
 * idempotent. Prints nothing (the CLI prints the banner).
 */
import { fileURLToPath } from 'node:url';
import { createServer as createVite, type Plugin, type ViteDevServer } from 'vite';
import { readConfig, type EmulatorConfig } from './config.ts';
import { createCrowdApi } from './crowd-bridge.ts';
import { crowdFactory } from './crowd.ts';
import { createEmulator, type Emulator } from './emulator.ts';
import { createHlsOrigin } from './hls-origin.ts';

export const DEMO_ROOM = 'demo-room';
export const ANCHOR = 'anchor';

export interface DemoOptions {
  /** Over the environment's `PORT`; 0 = any free port. */
  readonly port?: number;
  /** Over the environment's `HOST`. */
  readonly host?: string;
  /** Settings as environment variables (`config.ts`); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Start the demo room's crowd (over `LCR_CROWD`). */
  readonly crowd?: boolean;
  /** Vite logs only errors. */
  readonly quiet?: boolean;
  /**
   * Hot reload (default on). Off: no HMR socket and no vite client in the pages, so a page
   * outlives a restart of the server (the e2e tests restart it under an open page; vite's client
   * would reload the page as soon as the server answers again).
   */
  readonly hmr?: boolean;
  /** Vite's cache (pre-bundled dependencies); default `node_modules/.vite`. */
  readonly viteCacheDir?: string;
}

export interface DemoApp {
  /** `http://host:port` */
  readonly url: string;
  readonly config: EmulatorConfig;
  readonly emulator: Emulator;
  readonly vite: ViteDevServer;
  close(): Promise<void>;
}

const CLIENT_TAG = /<script type="module" src="[^"]*\/@vite\/client"><\/script>\s*/;

/** Vite injects its client into every page whatever the HMR settings; without HMR it has no use. */
function withoutViteClient(): Plugin {
  return { name: 'lcr-demo-no-vite-client', transformIndexHtml: { order: 'post', handler: (html) => html.replace(CLIENT_TAG, '') } };
}

export async function startDemo(options: DemoOptions = {}): Promise<DemoApp> {
  const env = options.env ?? process.env;
  const base = readConfig(env);
  const config: EmulatorConfig = Object.freeze({
    ...base,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.crowd !== undefined ? { crowd: Object.freeze({ ...base.crowd, autostart: options.crowd }) } : {}),
  });
  const demoRoot = fileURLToPath(new URL('..', import.meta.url));
  const hls = createHlsOrigin({ mediaDir: fileURLToPath(new URL('../media', import.meta.url)) });
  const emulator = await createEmulator({ config, hls, crowdFactory });
  // The room exists as soon as the port answers: a client reconnecting across a restart of the
  // server must find it (a join that finds no room means "dismissed" and ends the session).
  emulator.engine.createRoom({
    id: DEMO_ROOM,
    name: 'Live Chat Room — demo',
    ownerId: ANCHOR,
    notification: 'Welcome to the demo room! Be kind; gifts are play money.',
    introduction: 'A live room served by the local AVChatRoom emulator.',
    attributes: { state: 'live', startTime: String(Date.now()) },
  });
  createCrowdApi(emulator.engine, DEMO_ROOM, emulator.billing).join(ANCHOR, 'Ava (anchor)', 60);
  if (config.crowd.autostart) emulator.crowds.act(DEMO_ROOM, 'start');

  const hmr = options.hmr !== false;

  let vite: ViteDevServer;
  try {
    vite = await createVite({
      root: demoRoot,
      publicDir: 'public',
      configFile: false, // the project's vite.config.ts is for the library build and the tests
      appType: 'mpa',
      ...(options.viteCacheDir ? { cacheDir: options.viteCacheDir } : {}),
      logLevel: options.quiet ? 'error' : 'warn',
      server: hmr ? { middlewareMode: true, hmr: { server: emulator.server } } : { middlewareMode: true, hmr: false, ws: false },
      ...(hmr ? {} : { plugins: [withoutViteClient()] }),
    });
  } catch (err) {
    await emulator.close();
    throw err;
  }
  emulator.setFallback((req, res, next) => vite.middlewares(req, res, next));

  let closing: Promise<void> | undefined;
  return {
    url: emulator.url,
    config,
    emulator,
    vite,
    close() {
      closing ??= (async () => {
        await vite.close().catch(() => undefined);
        await emulator.close();
      })();
      return closing;
    },
  };
}
