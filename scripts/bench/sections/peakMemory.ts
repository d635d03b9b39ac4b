import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface PeakMemory {
  tokens: number;
  seconds: number;
  /** Peak resident memory after the engine is loaded, before the document. */
  loadedPeakMb: number;
  /** Peak resident memory of the whole process, document included. */
  peakMb: number;
  /** Size of the kept result: every token's non-zero codes at every depth. */
  codesMb: number;
}

/** (d) Decomposes a document of `tokens` held-out tokens in a fresh process and reads its peak RSS. */
export function peakMemory(tokens: number): PeakMemory {
  const child = join(__dirname, '..', 'children', 'decomposeLarge.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, String(tokens)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`the ${tokens}-token decomposition failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as PeakMemory;
}
