/**
 * `npm run build:types`: the package's declarations, one `.d.ts` per source module under
 * `dist/types/` (what `exports` → `types` points at for each entry). tsc keeps the `.ts` endings
 * our sources import with; a consumer's TypeScript resolves `./x.js` to `./x.d.ts` under every
 * module resolution (`bundler`, `node16`, `nodenext`), so the relative specifiers are rewritten to
 * `.js`. A specifier with a query (`?worker&url`, a vite asset) must not reach a declaration file:
 * the build fails on one.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'types');

rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.types.json')], {
  stdio: 'inherit',
});

const RELATIVE = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

let rewritten = 0;
for (const file of files(out).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(RELATIVE, (_m, lead: string, q: string, spec: string) => {
    if (spec.includes('?')) throw new Error(`${file}: a vite-only import reached the declarations: ${spec}`);
    return `${lead}${q}${spec.replace(/\.ts$/, '.js')}${q}`;
  });
  if (next !== text) {
    writeFileSync(file, next);
    rewritten++;
  }
}
console.log(`types: ${files(out).length} declaration files in dist/types (${rewritten} with rewritten imports)`);
