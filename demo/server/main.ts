/**
 * `npm start`: the room emulator with the demo pages. Creates the emulator (HTTP + WebSocket on
 * one port), mounts vite in middleware mode for the pages in `demo/` (hot reload over the same
 * server), serves the live HLS origin, creates the demo room and starts its crowd, prints how to
 * use it, and shuts everything down on SIGINT/SIGTERM.
 */
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';
import { readConfig } from './config.ts';
import { createCrowdApi } from './crowd-bridge.ts';
import { crowdFactory } from './crowd.ts';
import { createEmulator } from './emulator.ts';
import { createHlsOrigin } from './hls-origin.ts';

const DEMO_ROOM = 'demo-room';
const ANCHOR = 'anchor';

const config = readConfig(process.env);
const demoRoot = fileURLToPath(new URL('..', import.meta.url));
const hls = createHlsOrigin({ mediaDir: fileURLToPath(new URL('../media', import.meta.url)) });
const emulator = await createEmulator({ config, hls, crowdFactory });

const vite = await createVite({
  root: demoRoot,
  publicDir: 'public',
  configFile: false, // the project's vite.config.ts is for the library build and the tests
  appType: 'mpa',
  logLevel: 'warn',
  server: { middlewareMode: true, hmr: { server: emulator.server } },
});
emulator.setFallback((req, res, next) => vite.middlewares(req, res, next));

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

const lines = [
  '',
  `  live-chat-room emulator   ${emulator.url}/`,
  `  admin page               ${emulator.url}/admin.html`,
  `  WebSocket                ${emulator.wsUrl}`,
  `  SDKAppID                 ${config.sdkAppId}`,
  `  demo room                ${DEMO_ROOM} (crowd ${config.crowd.autostart ? 'on' : 'off'}, ${config.roomRate} msg/s, history ${config.history ? 'on' : 'off'})`,
  config.devSecret ? '  secret key               DEV-ONLY built-in key (set LCR_SECRET_KEY for anything but local development)' : '  secret key               from LCR_SECRET_KEY',
  `  admin UserSig            curl -s -X POST ${emulator.url}/api/usersig -H 'content-type: application/json' -d '{"userID":"${config.admin}"}'`,
  `                           (issued to ${config.issueAdminSig === 'loopback' ? 'loopback callers only' : config.issueAdminSig === 'always' ? 'anyone' : 'nobody; sign it yourself with the secret key'})`,
  `  REST API                 POST ${emulator.url}/v4/<service>/<command>?sdkappid=${config.sdkAppId}&identifier=${config.admin}&usersig=<admin UserSig>&random=<n>&contenttype=json`,
  '',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close().catch(() => undefined);
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
