/**
 * custom-elements.json (issue 22) against the code, in Node: it is what the analyzer makes of the
 * sources now (regenerated and compared), and every event, custom state, part, slot and CSS custom
 * property it documents is one the code has — and the other way round. The running element's
 * attributes, properties and rendered parts are compared in test/browser/manifest.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { applyStates } from '../../src/element/room-wiring.ts';
import { LCR_EVENTS } from '../../src/events/index.ts';
import { INITIAL_ROOM_VIEW, type RoomView } from '../../src/pipeline/types.ts';
import type { PlayerStatus } from '../../src/player/player-state.ts';
import { ROOM_STATES, type ConnectionState } from '../../src/protocol/index.ts';
import { elementDeclaration, type Manifest } from '../../scripts/manifest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const committed = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
const element = elementDeclaration(committed);
const names = (list: readonly { name: string }[] | undefined): string[] => (list ?? []).map((x) => x.name).sort();

const CONNECTIONS = ['idle', 'connecting', 'connected', 'reconnecting', 'offline'] as const satisfies readonly ConnectionState[];
const VIDEO = [
  'idle',
  'loading',
  'waiting-for-stream',
  'playing',
  'paused',
  'stalled',
  'error',
  'ended',
] as const satisfies readonly PlayerStatus[];
// Compile-time: the lists above name every member of their unions.
const everyConnection: Exclude<ConnectionState, (typeof CONNECTIONS)[number]> extends never ? true : false = true;
const everyVideo: Exclude<PlayerStatus, (typeof VIDEO)[number]> extends never ? true : false = true;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}
const sources = sourceFiles(join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8'));

// The analyzer resolves --outdir against its working directory: a scratch folder inside the repo.
mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
const scratch = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'lcr-cem-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('custom-elements.json', () => {
  it('is current: the analyzer makes the same manifest of the sources now (`npm run manifest`)', () => {
    const cli = join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    const outdir = relative(ROOT, scratch);
    execFileSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'], {
      cwd: ROOT,
    });
    const fresh = JSON.parse(readFileSync(join(scratch, 'custom-elements.json'), 'utf8')) as Manifest;
    expect(fresh).toEqual(committed);
  }, 60_000);

  it('documents the tag and exactly the events of LCR_EVENTS, each with its LcrEvent type', () => {
    expect(element.tagName).toBe('live-chat-room');
    expect(names(element.events)).toEqual(Object.keys(LCR_EVENTS).sort());
    for (const e of element.events ?? []) expect(e.type?.text).toBe(`LcrEvent<'${e.name}'>`);
  });

  it('documents exactly the custom states the element can set', () => {
    expect(everyConnection && everyVideo).toBe(true);
    const seen = new Set<string>();
    for (const state of [...ROOM_STATES, 'unknown' as const])
      for (const connection of CONNECTIONS)
        for (const video of VIDEO)
          for (const kicked of [undefined, 'banned'] as const)
            for (const guest of [false, true]) {
              const states = new Set<string>();
              const room: RoomView = { ...INITIAL_ROOM_VIEW, state, connection, ...(kicked ? { kicked } : {}) };
              applyStates(states, room, guest, video);
              for (const s of states) seen.add(s);
            }
    expect(names(element.cssStates)).toEqual([...seen].sort());
  });

  it('documents exactly the parts, slots and --lcr-* properties the sources name', () => {
    const parts = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/part="([^"$]+)"/g)) for (const p of m[1]!.split(/\s+/)) parts.add(p);
      for (const m of text.matchAll(/setAttribute\('part', '([^']+)'\)/g)) parts.add(m[1]!);
    }
    // The two parts set from a template string: chat-line(-own), chat-status(-pending|-failed).
    for (const p of [
      'chat-line',
      'chat-line-own',
      'chat-status',
      'chat-status-pending',
      'chat-status-failed',
      'badge',
      'chat-nick',
      'chat-text',
    ])
      parts.add(p);
    expect(names(element.cssParts)).toEqual([...parts].sort());
    const slots = new Set(sources.flatMap((t) => [...t.matchAll(/<slot name="([^"]+)"/g)].map((m) => m[1]!)));
    expect(names(element.slots)).toEqual([...slots].sort());
    const props = new Set(sources.flatMap((t) => [...t.matchAll(/var\((--lcr-[a-z0-9-]+)/g)].map((m) => m[1]!)));
    expect(names(element.cssProperties)).toEqual([...props].sort());
  });
});
