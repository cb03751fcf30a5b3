/**
 * The package's types as an app sees them (issue 22): a consumer project type-checks against the
 * unpacked tarball under `moduleResolution` `bundler`, `node16` and `nodenext`, with the library
 * checks on (`skipLibCheck: false`). The consumer uses every entry; `@ts-expect-error` lines fail
 * the check if a type is `any` (an unused expectation is an error), so "it compiles" cannot pass on
 * types that say nothing.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSUMER, ROOT } from './pack-setup.ts';

const CONSUMER_TS = `
import { LiveChatRoom, LCR_EVENTS, type LcrEventMap, type LcrWarningCode } from 'live-chat-room';
import { TAG } from 'live-chat-room/define';
import 'live-chat-room/loader';
import { LiveChatRoom as FromCdn } from 'live-chat-room/cdn';
import { FakeTransport, inspectRoom } from 'live-chat-room/testing';
import { createElement } from 'react';
import { LiveChatRoom as Room, type LiveChatRoomProps } from 'live-chat-room/react';

const tag: 'live-chat-room' = TAG;
const el = document.createElement('live-chat-room');
const room: LiveChatRoom = el;
const same: typeof LiveChatRoom = FromCdn;
el.roomId = 'demo-room';
el.transport = new FakeTransport();
el.addEventListener('lcr-warning', (e) => {
  const code: LcrWarningCode = e.detail.code;
  const part: 'barrage' | 'player' | undefined = e.detail.part;
  // @ts-expect-error the detail is typed: no such field
  void e.detail.nope;
  void code, part;
});
el.addEventListener('lcr-like', (e) => {
  const total: number = e.detail.total;
  void total;
});
const found = document.querySelector('live-chat-room');
found?.addEventListener('lcr-gift-request', (e) => e.preventDefault());
const cancelable: boolean = LCR_EVENTS['lcr-gift-request'].cancelable;
type Message = LcrEventMap['lcr-message'];
const kind: Message['kind'] | undefined = undefined;
// @ts-expect-error roomId is a string
el.roomId = 42;
// @ts-expect-error no such property on the element
el.noSuchProperty = true;
// @ts-expect-error not an lcr event name
LCR_EVENTS['lcr-nope'];
void inspectRoom(el).barrage;
const props: LiveChatRoomProps = {
  roomId: 'demo-room',
  anchor: { nick: 'Ava', followed: false },
  onLcrGift: (e) => {
    const count: number = e.detail.gift.count;
    void count;
  },
  onLcrRoomStateChange: (e) => {
    const state: string = e.detail.state;
    void state;
  },
};
createElement(Room, props);
// @ts-expect-error roomId is a string in React too
createElement(Room, { roomId: 1 });
// @ts-expect-error the event props are typed: no such field in the detail of lcr-like
createElement(Room, { onLcrLike: (e) => e.detail.nope });
void tag, room, same, cancelable, kind;
`;

/** React 19's JSX with the types-only entry: `<live-chat-room>` props and `on<event>` handlers typed. */
const CONSUMER_TSX = `
import type {} from 'live-chat-room/react-jsx';
import type { LiveChatRoom } from 'live-chat-room';

export const room = (
  <live-chat-room
    roomId="demo-room"
    anchor={{ nick: 'Ava' }}
    onlcr-gift={(e) => {
      const name: string = e.detail.gift.name;
      void name;
    }}
    ref={(el: LiveChatRoom | null) => void el?.sendText}
  />
);
// @ts-expect-error roomId is a string
export const wrongType = <live-chat-room roomId={7} />;
// @ts-expect-error the handler's event is typed: no such field in lcr-like's detail
export const wrongDetail = <live-chat-room onlcr-like={(e) => e.detail.nope} />;
`;

const MODES = [
  { resolution: 'bundler', module: 'esnext' },
  { resolution: 'node16', module: 'node16' },
  { resolution: 'nodenext', module: 'nodenext' },
] as const;

describe('types from the packed package', () => {
  writeFileSync(join(CONSUMER, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(join(CONSUMER, 'consumer-jsx.tsx'), CONSUMER_TSX);

  it.each(MODES)('resolve and check under moduleResolution $resolution', ({ resolution, module }) => {
    const config = join(CONSUMER, `tsconfig.${resolution}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module,
          moduleResolution: resolution,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          jsx: 'react-jsx',
        },
        files: ['consumer.ts', 'consumer-jsx.tsx'],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: CONSUMER, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
