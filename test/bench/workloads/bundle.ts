/**
 * W8: builds the library with the project's own vite.config.ts (into test/bench/.build/lib, so
 * dist/ is left alone) and sizes every chunk and worker: raw, gzip and brotli (node:zlib).
 * Initial = an entry plus its static imports (transitively); everything else is lazy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT = join(ROOT, 'test/bench/.build/lib');

export interface ChunkSize {
  readonly file: string;
  readonly kind: 'entry' | 'chunk' | 'asset';
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
  /** Entries whose initial load includes this file. */
  readonly initialFor: readonly string[];
  /** Heavy third-party packages found in the chunk's modules. */
  readonly heavy: readonly string[];
}

export interface BundleResult {
  readonly chunks: readonly ChunkSize[];
  /** Per entry name: gzip bytes of the entry plus its static imports. */
  readonly initialGzip: Readonly<Record<string, number>>;
  readonly loaderEntry: boolean;
  /** Heavy packages (hls.js, lottie-web, the Tencent SDK) that sit in an initial chunk. */
  readonly heavyInInitial: readonly string[];
  readonly error?: string;
}

const HEAVY: [string, RegExp][] = [
  ['hls.js', /node_modules\/hls\.js\//],
  ['lottie-web', /node_modules\/lottie-web\//],
  ['@tencentcloud/chat', /node_modules\/@tencentcloud\//],
];

interface OutChunk {
  type: 'chunk';
  fileName: string;
  name: string;
  isEntry: boolean;
  imports: string[];
  moduleIds?: string[];
  modules?: Record<string, unknown>;
  facadeModuleId?: string | null;
}
interface OutAsset {
  type: 'asset';
  fileName: string;
}

export async function measureBundle(): Promise<BundleResult> {
  let output: (OutChunk | OutAsset)[];
  try {
    const res = (await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir: OUT, emptyOutDir: true },
    })) as unknown;
    output = (Array.isArray(res) ? res : [res]).flatMap((r) => (r as { output: (OutChunk | OutAsset)[] }).output);
  } catch (err) {
    return { chunks: [], initialGzip: {}, loaderEntry: false, heavyInInitial: [], error: (err as Error).message.slice(0, 300) };
  }
  const chunks = output.filter((o): o is OutChunk => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const initialOf = (entry: OutChunk): Set<string> => {
    const seen = new Set<string>();
    const visit = (f: string): void => {
      if (seen.has(f)) return;
      seen.add(f);
      byFile.get(f)?.imports.forEach(visit);
    };
    visit(entry.fileName);
    return seen;
  };
  const entries = chunks.filter((c) => c.isEntry);
  const initialSets = new Map(entries.map((e) => [e.name, initialOf(e)]));
  const files = output.filter((o) => o.fileName.endsWith('.js') || o.fileName.endsWith('.mjs'));
  const sizes: ChunkSize[] = files.map((o) => {
    const buf = readFileSync(join(OUT, o.fileName));
    const ids = o.type === 'chunk' ? (o.moduleIds ?? Object.keys(o.modules ?? {})) : [];
    return {
      file: o.fileName,
      kind: o.type === 'asset' ? 'asset' : o.isEntry ? 'entry' : 'chunk',
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      initialFor: [...initialSets].filter(([, s]) => s.has(o.fileName)).map(([n]) => n),
      // A `?url` import is the emitted file's URL string, none of the package's code.
      heavy: HEAVY.filter(([, re]) => ids.some((id) => !/\?url$/.test(id) && re.test(id.replaceAll('\\', '/')))).map(([n]) => n),
    };
  });
  const initialGzip = Object.fromEntries(
    [...initialSets].map(([n, s]) => [n, sizes.filter((c) => s.has(c.file)).reduce((a, c) => a + c.gzip, 0)]),
  );
  const heavyInInitial = [...new Set(sizes.filter((c) => c.initialFor.length > 0).flatMap((c) => c.heavy))];
  return { chunks: sizes, initialGzip, loaderEntry: entries.some((e) => /loader/.test(e.name)), heavyInInitial };
}
