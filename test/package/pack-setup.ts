/**
 * Global setup of the `package` tests: the package as an app installs it. `npm run build` (what
 * `prepack` runs: npm build, CDN build, declarations), `npm pack` into a scratch folder, then the tarball
 * unpacked into a consumer project's `node_modules/live-chat-room`. The consumer sits under this
 * repository's `node_modules/.cache/`, so the package's own dependencies (lit, rxjs, …) and the
 * tools (typescript, vite) resolve from the repository's install, as an app's would from its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCRATCH = join(ROOT, 'node_modules', '.cache', 'lcr-package');
export const CONSUMER = join(SCRATCH, 'consumer');
export const INSTALLED = join(CONSUMER, 'node_modules', 'live-chat-room');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The tarball's file list, as `npm pack --json` reported it. */
    packedFiles: string[];
    tarball: string;
  }
}

export default function setup(project: TestProject): void {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(INSTALLED, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // What `prepack` runs, run first so its output does not mix with the pack report.
  // NODE_ENV is `test` under vitest; left so, vite would resolve lit's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const report = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', SCRATCH], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(report) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const packed = parsed[0]!;
  const tarball = join(
    SCRATCH,
    readdirSync(SCRATCH).find((f) => f.endsWith('.tgz'))!,
  );
  execFileSync('tar', ['-xzf', tarball, '-C', INSTALLED, '--strip-components=1']);
  writeFileSync(join(CONSUMER, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  project.provide(
    'packedFiles',
    packed.files.map((f) => f.path),
  );
  project.provide('tarball', tarball);
}
