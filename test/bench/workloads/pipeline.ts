/** W6: the node pipeline benchmark (`test/bench/pipeline-bench.ts`), run as a child process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PipelineResult {
  readonly msgPerSec: number;
  readonly lastLine: string;
  readonly error?: string;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function runPipeline(messages: number): Promise<PipelineResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/pipeline-bench.ts', `--messages=${messages}`, '--runs=3'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const lastLine = out.trim().split('\n').at(-1) ?? '';
      const m = /^pipeline:\s*([\d.]+)\s*msg\/s/.exec(lastLine);
      if (code !== 0 || !m) resolve({ msgPerSec: NaN, lastLine, error: `exit ${code}: ${(err || lastLine).trim().slice(-300)}` });
      else resolve({ msgPerSec: Number(m[1]), lastLine });
    });
  });
}
