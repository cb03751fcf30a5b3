/**
 * `npm start`: the demo app (`demo-app.ts`: the room emulator with the demo pages through vite,
 * hot reload, the live HLS origin, the demo room and its crowd) from the command line. Prints
 * how to use it, and shuts everything down on SIGINT/SIGTERM.
 */
import { DEMO_ROOM, startDemo } from './demo-app.ts';

const demo = await startDemo({ env: process.env });
const { config, url, emulator } = demo;

const lines = [
  '',
  `  live-chat-room emulator   ${url}/`,
  `  admin page               ${url}/admin.html`,
  `  WebSocket                ${emulator.wsUrl}`,
  `  SDKAppID                 ${config.sdkAppId}`,
  `  demo room                ${DEMO_ROOM} (crowd ${config.crowd.autostart ? 'on' : 'off'}, ${config.roomRate} msg/s, history ${config.history ? 'on' : 'off'})`,
  config.devSecret
    ? '  secret key               DEV-ONLY built-in key (set LCR_SECRET_KEY for anything but local development)'
    : '  secret key               from LCR_SECRET_KEY',
  `  admin UserSig            curl -s -X POST ${url}/api/usersig -H 'content-type: application/json' -d '{"userID":"${config.admin}"}'`,
  `                           (issued to ${config.issueAdminSig === 'loopback' ? 'loopback callers only' : config.issueAdminSig === 'always' ? 'anyone' : 'nobody; sign it yourself with the secret key'})`,
  `  REST API                 POST ${url}/v4/<service>/<command>?sdkappid=${config.sdkAppId}&identifier=${config.admin}&usersig=<admin UserSig>&random=<n>&contenttype=json`,
  '',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
