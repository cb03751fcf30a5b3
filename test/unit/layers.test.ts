/**
 * The layer rules (`.dependency-cruiser.cjs`, run by `npm run lint`) on the real tree, and on
 * copies of it with one planted violation each: every plant must fail with the rule that names it.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A copy of src/ and the config with `plant` files added; answers the checker's exit code and output. */
async function cruise(plant: Record<string, string>): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lcr-layers-'));
  made.push(dir);
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  for (const f of ['.dependency-cruiser.cjs', 'tsconfig.json']) cpSync(join(root, f), join(dir, f));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(plant)) writeFileSync(join(dir, path), text);
  try {
    const { stdout } = await run(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: dir,
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('layer rules', () => {
  it('the real tree passes', async () => {
    const r = await cruise({});
    expect(r.out).not.toMatch(/error/);
    expect(r.code).toBe(0);
  }, 60_000);

  it.each([
    [
      'an upward import: barrage/ → controllers/',
      { 'src/barrage/planted.ts': "export { BarrageController } from '../controllers/barrage-controller.ts';\n" },
      'features-below-controllers',
    ],
    [
      'a sideways import between features: chat/ → gifts/',
      { 'src/chat/planted.ts': "export { billGift } from '../gifts/gift-billing.ts';\n" },
      'feature-chat-is-alone',
    ],
    [
      'protocol/ → pipeline/',
      { 'src/protocol/planted.ts': "export type { RoomView } from '../pipeline/types.ts';\n" },
      'foundations-import-only-themselves',
    ],
    [
      'pipeline/ → transport/',
      { 'src/pipeline/planted.ts': "export { FakeTransport } from '../transport/fake/fake-transport.ts';\n" },
      'pipeline-and-transport-stand-on-protocol',
    ],
    [
      'store/ → controllers/',
      { 'src/store/planted.ts': "export { StoreLink } from '../controllers/store-link.ts';\n" },
      'store-below-controllers',
    ],
    [
      'a feature reaching the store: gifts/ → store/',
      { 'src/gifts/planted.ts': "export type { RoomStore } from '../store/room-store.ts';\n" },
      'features-below-controllers',
    ],
    [
      'controllers/ → element/',
      { 'src/controllers/planted.ts': "export { LiveChatRoom } from '../element/live-chat-room.ts';\n" },
      'controllers-below-element',
    ],
    ['hls.js outside player/', { 'src/chat/planted.ts': "export const load = () => import('hls.js/light');\n" }, 'hls-only-in-player'],
    [
      'a static import of lottie-web',
      { 'src/gifts/planted.ts': "import lottie from 'lottie-web';\nexport const l = lottie;\n" },
      'heavy-libraries-load-lazily',
    ],
    [
      'the Tencent SDK outside its transport',
      { 'src/controllers/planted.ts': "export const sdk = () => import('@tencentcloud/chat/index.es.js');\n" },
      'tencent-sdk-only-in-its-transport',
    ],
    [
      'a cycle',
      {
        'src/protocol/planted-a.ts': "import { b } from './planted-b.ts';\nexport const a = () => b;\n",
        'src/protocol/planted-b.ts': "import { a } from './planted-a.ts';\nexport const b = () => a;\n",
      },
      'no-circular',
    ],
  ])(
    'fails on %s',
    async (_what, plant, rule) => {
      const r = await cruise(plant);
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(rule);
      expect(r.out).toMatch(/planted/); // the offending import is named
    },
    60_000,
  );
});
