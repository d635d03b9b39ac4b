// The engine's threading settings, end to end: a held-out Brown document decomposed at every depth
// (engine.decompose) with 1 or 2 coder threads, and with ONNX Runtime's threads spinning between
// runs (its default) or not (the engine's setting). Spinning is a process setting, so each
// configuration runs in its own process; the processes take turns, round after round, so that
// machine load falls on all of them alike. Prints each configuration's median and its ratio to
// the engine's default (2 coder threads, no spinning).
// Usage: npx tsx scripts/bench/engineThreads.ts [--tokens 1000] [--rounds 3] [--runs 5]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { FactorEngine } from '../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../src/core/model/bundledModel';
import { ONNX_SPIN_VARIABLE } from '../../src/core/model/onnx/sessionOptions';
import { heldOutText } from './support/heldOutText';
import { median, secondsSince } from './support/timing';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const tokens = option('--tokens', 1_000);
const rounds = option('--rounds', 3);
const runs = option('--runs', 5);

interface Configuration { coderThreads: number; spinning: boolean }
const CONFIGURATIONS: Configuration[] = [
  { coderThreads: 2, spinning: false },
  { coderThreads: 1, spinning: false },
  { coderThreads: 2, spinning: true },
  { coderThreads: 1, spinning: true },
];
const name = (c: Configuration) => `${c.coderThreads} coder thread${c.coderThreads > 1 ? 's' : ''}, ONNX Runtime ${c.spinning ? 'spinning' : 'not spinning'}`;

/** In a child process: decompose the document `runs` times after two warm-ups; print the seconds. */
async function child(coderThreads: number): Promise<void> {
  const engine = await FactorEngine.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE), coderThreads });
  const text = heldOutText(engine.model.tokenizer, tokens);
  for (let w = 0; w < 2; w++) await engine.decompose(text);
  const seconds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await engine.decompose(text);
    seconds.push(secondsSince(start));
  }
  console.log(JSON.stringify({ tokens: engine.model.tokenizer.tokenize(text).length, seconds }));
  await engine.dispose();
}

function parent(): void {
  const times = CONFIGURATIONS.map(() => [] as number[]);
  let tokenCount = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [i, configuration] of CONFIGURATIONS.entries()) {
      const env = { ...process.env, [ONNX_SPIN_VARIABLE]: configuration.spinning ? '1' : '0' };
      const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', String(configuration.coderThreads), '--tokens', String(tokens), '--runs', String(runs)], { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${name(configuration)} failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { tokens: number; seconds: number[] };
      tokenCount = result.tokens;
      times[i].push(...result.seconds);
    }
  }
  console.log(`${tokenCount} tokens decomposed at every depth; ${rounds} rounds × ${runs} runs per configuration; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const base = median(times[0]);
  CONFIGURATIONS.forEach((configuration, i) => {
    const m = median(times[i]);
    console.log(`${name(configuration).padEnd(46)} median ${m.toFixed(3)} s  (default ÷ this ×${(base / m).toFixed(2)})`);
  });
}

if (args.includes('--child')) {
  child(Number(args[args.indexOf('--child') + 1])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parent();
}
