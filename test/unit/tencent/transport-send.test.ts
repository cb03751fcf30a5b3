import { describe, expect, it } from 'vitest';
import { encodeLike, encodeText, type OutboundWire } from '../../../src/protocol/index.ts';
import { EVENT } from '../../../src/transport/tencent/sdk-types.ts';
import { sdkError } from './fake-chat.ts';
import { ROOM, textMessage } from './fixtures.ts';
import { flush, harness } from './harness.ts';

const meta = { level: 5, role: 'member' as const, clientId: 'cid-1' };
const text = (s: string): OutboundWire => {
  const r = encodeText(s, meta);
  if (!r.ok) throw new Error(r.reason);
  return r.wire;
};
const custom = (priority: OutboundWire['priority']): OutboundWire => ({
  type: 'TIMCustomElem',
  data: '{"version":1,"businessID":"flutter_live_kit","data":{"cmd":"x","cmdInfo":{}}}',
  description: 'x',
  extension: '',
  priority,
  cloudCustomData: '{"lcr":{"level":5}}',
});

async function joinedUser() {
  const h = harness();
  const w = h.make();
  await w.transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 's' });
  await w.transport.join(ROOM);
  w.frames.length = 0;
  return { h, ...w };
}

describe('TencentTransport: send', () => {
  it('sends text to the group at Normal priority with our cloudCustomData; the SDK answer settles it', async () => {
    const { h, transport, frames } = await joinedUser();
    const wire = text('hello everyone');
    const result = await transport.send(wire);
    expect(h.chat.argsOf('createTextMessage')).toEqual([
      [
        {
          to: ROOM,
          conversationType: 'GROUP',
          priority: 'Normal',
          payload: { text: 'hello everyone' },
          cloudCustomData: wire.cloudCustomData,
        },
      ],
    ]);
    const sent = h.chat.argsOf('sendMessage')[0]![0] as { ID: string };
    expect(result).toEqual({ ok: true, id: `server-${sent.ID}`, time: h.chat.serverTime * 1000 });
    // Own sends are not echoed. A late copy is passed on with our cloudCustomData (its client id),
    // which is what the pipeline's one dedupe matches against the local echo.
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [
      textMessage('hello everyone', { ID: `server-${sent.ID}`, from: 'viewer_me', cloudCustomData: wire.cloudCustomData }),
    ]);
    await flush();
    expect(frames).toHaveLength(1);
    expect((frames[0] as { message: { cloudCustomData?: string } }).message.cloudCustomData).toBe(wire.cloudCustomData);
    transport.destroy();
  });

  it.each([
    ['high', 'High'],
    ['normal', 'Normal'],
    ['low', 'Low'],
    ['lowest', 'Lowest'],
  ] as const)('custom message at %s priority uses MSG_PRIORITY %s and carries data/description/extension', async (priority, sdk) => {
    const { h, transport } = await joinedUser();
    const wire = custom(priority);
    await expect(transport.send(wire)).resolves.toMatchObject({ ok: true });
    expect(h.chat.argsOf('createCustomMessage')[0]![0]).toEqual({
      to: ROOM,
      conversationType: 'GROUP',
      priority: sdk,
      cloudCustomData: wire.cloudCustomData,
      payload: { data: wire.type === 'TIMCustomElem' ? wire.data : '', description: 'x', extension: '' },
    });
    transport.destroy();
  });

  it('an encoded like goes out at Low priority', async () => {
    const { h, transport } = await joinedUser();
    const like = encodeLike(12, meta);
    if (!like.ok) throw new Error(like.reason);
    await transport.send(like.wire);
    expect((h.chat.argsOf('createCustomMessage')[0]![0] as { priority: string }).priority).toBe('Low');
    transport.destroy();
  });

  it.each([
    [10017, 'muted'],
    [10016, 'rejected'],
    [80001, 'sensitive'],
    [80002, 'too-large'],
    [10023, 'too-fast'],
    [2996, 'too-fast'],
    [10010, 'room-gone'],
    [2024, 'not-logged-in'],
    [2801, 'network'],
    [3003, 'kicked'],
    [99999, 'unknown'],
  ])('SDK error %i becomes {ok:false, reason:%s}', async (code, reason) => {
    const { h, transport } = await joinedUser();
    h.chat.sendImpl = async () => Promise.reject(sdkError(code, `failed ${code}`));
    await expect(transport.send(text('x'))).resolves.toEqual({ ok: false, reason, code, message: `failed ${code}` });
    transport.destroy();
  });

  it('never rejects: a throwing factory or a weird answer still settles', async () => {
    const { h, transport } = await joinedUser();
    h.chat.createTextMessage = () => {
      throw new Error('bad options');
    };
    await expect(transport.send(text('x'))).resolves.toEqual({ ok: false, reason: 'unknown', message: 'bad options' });
    h.chat.sendImpl = async () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is the case under test
      throw 'string thrown';
    };
    await expect(transport.send(custom('high'))).resolves.toEqual({ ok: false, reason: 'unknown' });
    h.chat.sendImpl = async () => ({ data: {} });
    await expect(transport.send(custom('high'))).resolves.toMatchObject({ ok: true, id: expect.stringMatching(/^local-/) });
    transport.destroy();
  });

  it('a guest cannot send (no SDK call); nor can a transport outside a room', async () => {
    const h = harness();
    const { transport } = h.make();
    await expect(transport.send(text('x'))).resolves.toMatchObject({ ok: false, reason: 'room-gone' });
    await transport.connect({ kind: 'guest' });
    await transport.join(ROOM);
    await expect(transport.send(text('x'))).resolves.toEqual({
      ok: false,
      reason: 'not-logged-in',
      code: 2024,
      message: 'guests cannot send',
    });
    expect(h.chat.count('createTextMessage')).toBe(0);
    expect(h.chat.count('sendMessage')).toBe(0);
    transport.destroy();
  });

  it('a send failing with 70001 starts a UserSig renewal', async () => {
    const h = harness();
    const fetch = async () => new Response(JSON.stringify({ userID: 'viewer_me', userSig: 'renewed' }));
    const { transport } = h.make({ fetch });
    await transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 'old', userSigUrl: '/sig' });
    await transport.join(ROOM);
    h.chat.sendImpl = async () => Promise.reject(sdkError(70001, 'UserSig expired'));
    await expect(transport.send(text('x'))).resolves.toMatchObject({ ok: false, reason: 'sig-expired', code: 70001 });
    await flush();
    expect(h.chat.argsOf('login').map((a) => (a[0] as { userSig: string }).userSig)).toEqual(['old', 'renewed']);
    transport.destroy();
  });
});
