/**
 * The dependency rules of DESIGN.md §2, checked on every `npm test`: who may import what.
 * Reads import specifiers (static and dynamic) from every production source file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

interface Import {
  readonly from: string; // file, relative to src/
  readonly spec: string;
  readonly dynamic: boolean;
  readonly target?: string; // resolved, relative to the repo root, for relative specifiers
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  const add = (spec: string, dynamic: boolean) => {
    const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : undefined;
    out.push({ from: relative(src, file), spec, dynamic, ...(target ? { target } : {}) });
  };
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) add(m[1]!, false);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) add(m[1]!, false);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1]!, true);
  return out;
}

const all = files(src).flatMap(importsOf);
const inDir = (i: Import, dir: string) => i.from.startsWith(dir + '/');
const targetIn = (i: Import, dir: string) => i.target?.startsWith(join('src', dir) + '/') || i.target === join('src', dir);

describe('dependency rules (DESIGN.md §2)', () => {
  it('finds the sources it checks', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('protocol/ imports nothing outside protocol/', () => {
    const bad = all.filter((i) => inDir(i, 'protocol') && (!i.target || !targetIn(i, 'protocol')));
    expect(bad).toEqual([]);
  });

  it('pipeline/ imports only protocol/, itself and rxjs', () => {
    const bad = all.filter(
      (i) => inDir(i, 'pipeline') && !(i.spec === 'rxjs' || (i.target && (targetIn(i, 'protocol') || targetIn(i, 'pipeline')))),
    );
    expect(bad).toEqual([]);
  });

  it('only transport/tencent/ imports @tencentcloud/chat, and only dynamically outside its loader', () => {
    const bad = all.filter((i) => i.spec.startsWith('@tencentcloud/chat') && !inDir(i, 'transport/tencent'));
    expect(bad).toEqual([]);
    const staticValue = all.filter((i) => i.spec.startsWith('@tencentcloud/chat') && !i.dynamic && !/import\s+type|^type/.test(i.spec));
    // Type-only imports are erased; a value import must be dynamic (checked by reading the line).
    for (const i of staticValue) {
      const line = readFileSync(join(src, i.from), 'utf8').split('\n').find((l) => l.includes(i.spec) && /^\s*import/.test(l)) ?? '';
      expect(line, `${i.from}: ${line}`).toMatch(/^\s*import\s+type\b/);
    }
  });

  it('only player/ imports hls.js and only gifts/ imports lottie-web, both dynamically', () => {
    for (const [pkg, dir] of [['hls.js', 'player'], ['lottie-web', 'gifts']] as const) {
      const users = all.filter((i) => i.spec === pkg || i.spec.startsWith(pkg + '/'));
      expect(users.filter((i) => !inDir(i, dir))).toEqual([]);
      // A `?url` import is a file's URL (hls.js's transmux worker), no package code: it may be static.
      for (const i of users.filter((u) => !u.dynamic && !u.spec.endsWith('?url'))) {
        const line = readFileSync(join(src, i.from), 'utf8').split('\n').find((l) => l.includes(`'${i.spec}'`)) ?? '';
        expect(line, `${i.from}: static import of ${pkg}`).toMatch(/^\s*import\s+type\b/);
      }
    }
  });

  it('element/ is imported only by index.ts, define.ts, cdn.ts, react.ts (and itself)', () => {
    const allowed = new Set(['index.ts', 'define.ts', 'cdn.ts', 'react.ts']);
    const bad = all.filter((i) => i.target && targetIn(i, 'element') && !inDir(i, 'element') && !allowed.has(i.from));
    expect(bad).toEqual([]);
  });

  it('production code never imports test/ or demo/', () => {
    const bad = all.filter((i) => i.target && (i.target.startsWith('test/') || i.target.startsWith('demo/')));
    expect(bad).toEqual([]);
  });
});
