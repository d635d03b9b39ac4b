// Times the CLI end to end (`encode --file F --states DIR`: start-up, tokenizer, model on every
// depth, .npy output) on held-out Brown text of 1,000 and 100,000 tokens, with peak memory
// (GNU time's max RSS). A bare `node -e ""` start is measured in the same run as the baseline.
// Usage: npx tsx scripts/bench/encodeCli.ts [--runs 5] [--json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledModelDir } from '../../src/core/model/bundledModel';
import { ModelTokenizer } from '../../src/core/tokenize/modelTokenizer';
import { heldOutText } from './support/heldOutText';
import { median } from './support/timing';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-encode-'));

/** Wall time and peak resident memory of one command, read from GNU time's last stderr line. */
function timed(command: string[]): { seconds: number; peakMb: number } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed: ${run.stderr}`);
  const [seconds, kilobytes] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, peakMb: kilobytes / 1024 };
}

(async () => {
  const tokenizer = await ModelTokenizer.load(join(bundledModelDir(), 'tokenizer.json'));
  const results: Record<string, unknown> = {};
  const baseline = Array.from({ length: runs }, () => timed([process.execPath, '-e', '']));
  results.nodeStartSeconds = median(baseline.map((r) => r.seconds));
  for (const target of [1_000, 100_000]) {
    const text = heldOutText(tokenizer, target);
    const file = join(dir, `text-${target}.txt`);
    writeFileSync(file, text);
    const tokens = tokenizer.tokenize(text).length;
    const times = Array.from({ length: target > 10_000 ? 1 : runs }, () =>
      timed([process.execPath, join(root, 'out', 'cli.js'), 'encode', '--file', file, '--states', join(dir, 'states')]));
    results[`tokens${target}`] = { tokens, medianSeconds: median(times.map((t) => t.seconds)), peakMb: Math.max(...times.map((t) => t.peakMb)), runs: times.length };
  }
  rmSync(dir, { recursive: true, force: true });
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else for (const [k, v] of Object.entries(results)) console.log(k, JSON.stringify(v));
})();

