/**
 * The one event vocabulary: the README's events table is the list in `LCR_EVENTS` (names and
 * cancelable, row for row), `LcrEvent` takes its flags from it, and every `LcrErrorCode` is
 * emitted by some path in src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LCR_EVENTS, LcrEvent, type LcrErrorCode } from '../../src/events/index.ts';

const root = join(import.meta.dirname, '../..');

function readmeRows(): [string, boolean][] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| event | cancelable | what it says |'));
  const rows: [string, boolean][] = [];
  for (const line of table.split('\n').slice(2)) {
    const m = /^\| `(lcr-[a-z-]+)` \| (yes|no) \|/.exec(line);
    if (!m) break;
    rows.push([m[1]!, m[2] === 'yes']);
  }
  return rows;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('LcrEventMap', () => {
  it("the README's events table lists exactly LCR_EVENTS, cancelable as declared", () => {
    expect(readmeRows()).toEqual(Object.entries(LCR_EVENTS).map(([name, e]) => [name, e.cancelable]));
  });

  it('LcrEvent bubbles, is composed, and is cancelable exactly for requests', () => {
    for (const [name, e] of Object.entries(LCR_EVENTS) as [keyof typeof LCR_EVENTS, { cancelable: boolean }][]) {
      const event = new LcrEvent(name, {} as never);
      expect([event.type, event.bubbles, event.composed, event.cancelable]).toEqual([name, true, true, e.cancelable]);
    }
  });

  it('every lcr-error code is emitted somewhere in src/', () => {
    const codes: LcrErrorCode[] = ['transport', 'join', 'login', 'player', 'config', 'catalog', 'room-evicted', 'send', 'pipeline'];
    const text = sources(join(root, 'src'))
      .filter((f) => !f.endsWith('event-map.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const missing = codes.filter((c) => !new RegExp(`code: '${c}'|error\\('${c}'|'${c}' :`).test(text));
    expect(missing).toEqual([]);
  });
});
