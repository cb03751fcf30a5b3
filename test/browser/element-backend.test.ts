import { afterEach, describe, expect, it } from 'vitest';
import '../../src/define.ts';
import { describeBackend } from '../../src/store/transport-factory.ts';
import { inspectRoom } from '../../src/testing.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { until } from './element-helpers.ts';

afterEach(() => document.body.replaceChildren());

describe('choosing the backend', () => {
  it('a transport property wins, then emulator-url, then sdk-app-id', () => {
    const fake = new FakeTransport();
    expect(describeBackend({ transport: fake, emulatorUrl: '/', sdkAppId: 1 })).toBe('transport');
    expect(describeBackend({ emulatorUrl: '/', sdkAppId: 1 })).toBe('emulator');
    expect(describeBackend({ sdkAppId: 1400000001 })).toBe('tencent');
    expect(describeBackend({})).toBe('none');
  });

  it('with sdk-app-id the element uses the Tencent transport, loaded only when it connects', async () => {
    const el = document.createElement('live-chat-room');
    el.setAttribute('sdk-app-id', '1400000001');
    el.setAttribute('room-id', '@TGS#aTEST');
    expect(inspectRoom(el).backend).toBeUndefined();
    document.body.append(el);
    await until(() => inspectRoom(el).backend !== undefined, 10_000);
    expect(inspectRoom(el).backend).toBe('tencent');
    el.remove();
    expect(inspectRoom(el).backend).toBeUndefined();
  });

  it('with emulator-url the element uses the emulator transport', async () => {
    const el = document.createElement('live-chat-room');
    el.setAttribute('emulator-url', 'http://127.0.0.1:9');
    el.setAttribute('room-id', 'r');
    document.body.append(el);
    await until(() => inspectRoom(el).backend !== undefined);
    expect(inspectRoom(el).backend).toBe('emulator');
  });
});
