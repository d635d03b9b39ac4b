// Times the paper's FISTA-500 against the fast active-set coder on the same real hidden states:
// ~2,000 held-out Brown tokens at every layer of the bundled model, and a dictionary of K atoms
// made of normalised hidden states sampled from the text that follows (disjoint tokens).
// FISTA-500 runs on a subsample (it is slow); the coder on everything, cold and warm-started
// from the previous layer. Reports vectors/s, the speed ratio and the relative objective gap
// Σ(f_coder − f_FISTA)/Σ f_FISTA on the subsample (negative: the coder found lower objectives).
// Rates are per CPU-second of this (single-threaded) process, so that other work on the machine
// does not distort them; every run is single-threaded.
// Usage: npx tsx scripts/bench/sparseCoders.ts [--tokens 2000] [--atoms 1024] [--lambdas 0.3,1,3]
//        [--fista-per-layer 40] [--candidates 16] [--json]
import { emptyStats, type ActiveSetStats } from '../../src/core/sparse/activeSet';
import { fistaNonNegative } from '../../src/core/sparse/fista';
import { gramMatrix } from '../../src/core/sparse/gram';
import { multiplyTransposed } from '../../src/core/sparse/kernels';
import { largestEigenvalue } from '../../src/core/sparse/largestEigenvalue';
import { batchObjectives } from '../../src/core/sparse/objective';
import { SparseCoder } from '../../src/core/sparse/sparseCoder';
import { countNonzeros, type SparseCodes } from '../../src/core/sparse/sparseCodes';
import { brownHiddenStates, dictionaryOfSamples } from '../../test/core/sparse/realHiddenStates';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const tokens = Number(option('--tokens', '2000'));
const atomCount = Number(option('--atoms', '1024'));
const lambdas = option('--lambdas', '0.3,1,3').split(',').map(Number);
const fistaPerLayer = Number(option('--fista-per-layer', '40'));
const candidatesPerRound = Number(option('--candidates', '16'));
const json = args.includes('--json');

const seconds = (from: number) => (performance.now() - from) / 1000;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const log = (line: string) => { if (!json) console.log(line); };

(async () => {
  let start = performance.now();
  const data = await brownHiddenStates(tokens);
  const atomSource = await brownHiddenStates(tokens, data.nextSentence);
  const d = data.hiddenSize;
  const layers = data.states.length;
  const n = data.tokens;
  log(`data: ${n} tokens × ${layers} layers = ${n * layers} vectors; atoms from ${atomSource.tokens} other tokens (${seconds(start).toFixed(1)} s)`);

  const dictionary = dictionaryOfSamples(atomSource.states, d, atomCount, 1);
  start = performance.now();
  const lipschitz = largestEigenvalue(dictionary);
  const lipschitzSeconds = seconds(start);
  start = performance.now();
  const gram = gramMatrix(dictionary);
  const gramSeconds = seconds(start);
  log(`K = ${atomCount}: L = ${lipschitz.toFixed(1)} (${lipschitzSeconds.toFixed(2)} s), Gram ${gramSeconds.toFixed(2)} s (one-off costs, not in the rates below)`);
  const coder = new SparseCoder(dictionary, { gram, candidatesPerRound });

  // The subsample FISTA codes: the first fistaPerLayer tokens of every layer.
  const m = Math.min(fistaPerLayer, n);
  const sample = (layer: number) => data.states[layer].subarray(0, m * d);

  let cpu = process.cpuUsage();
  const b = new Float64Array(64 * atomCount);
  for (const X of data.states) for (let row = 0; row < n; row += 64) {
    const rows = Math.min(64, n - row);
    multiplyTransposed(X.subarray(row * d, (row + rows) * d), dictionary.atoms, b, rows, atomCount, d);
  }
  const projectionRate = (n * layers) / cpuSeconds(cpu);
  log(`b = Φᵀx alone: ${projectionRate.toFixed(0)} vectors/s`);

  const results = [];
  for (const lambda of lambdas) {
    coder.codeBatch(sample(0), m, lambda); // warm the JIT on this λ

    const coldStats = emptyStats();
    cpu = process.cpuUsage();
    const cold: SparseCodes[] = data.states.map((X) => coder.codeBatch(X, n, lambda, { stats: coldStats }));
    const coldRate = (n * layers) / cpuSeconds(cpu);

    // Warm starts: from the same tokens at the layer below, and after λ moves by 20%.
    const warmStats = emptyStats();
    cpu = process.cpuUsage();
    let previous: SparseCodes | undefined;
    for (const X of data.states) previous = coder.codeBatch(X, n, lambda, { warmStarts: previous, stats: warmStats });
    const warmRate = (n * layers) / cpuSeconds(cpu);
    const moved = lambda * 1.2;
    const movedCold = emptyStats();
    cpu = process.cpuUsage();
    data.states.forEach((X) => coder.codeBatch(X, n, moved, { stats: movedCold }));
    const movedColdRate = (n * layers) / cpuSeconds(cpu);
    const movedWarm = emptyStats();
    cpu = process.cpuUsage();
    data.states.forEach((X, layer) => coder.codeBatch(X, n, moved, { warmStarts: cold[layer], stats: movedWarm }));
    const movedWarmRate = (n * layers) / cpuSeconds(cpu);

    cpu = process.cpuUsage();
    const fistaObjectives = data.states.map((_, layer) => batchObjectives(sample(layer), m, dictionary, fistaNonNegative(dictionary, sample(layer), m, lambda, { lipschitz }).alpha, lambda));
    const fistaRate = (m * layers) / cpuSeconds(cpu);

    let sumFista = 0;
    let sumCoder = 0;
    let worst = -Infinity;
    let better = 0;
    data.states.forEach((_, layer) => {
      const coderObjectives = batchObjectives(sample(layer), m, dictionary, cold[layer], lambda);
      for (let i = 0; i < m; i++) {
        const f = fistaObjectives[layer][i];
        const c = coderObjectives[i];
        sumFista += f;
        sumCoder += c;
        worst = Math.max(worst, (c - f) / f);
        if (c < f) better++;
      }
    });
    const nonzeros = cold.reduce((s, codes) => s + countNonzeros(codes), 0) / (n * layers);
    const perVector = (stats: ActiveSetStats) => ({
      rounds: stats.rounds / stats.vectors, additions: stats.additions / stats.vectors, removals: stats.removals / stats.vectors, unconverged: stats.unconverged,
    });
    const result = {
      lambda, meanActive: nonzeros,
      coderColdPerSecond: coldRate, coderWarmPerSecond: warmRate, fista500PerSecond: fistaRate,
      speedup: coldRate / fistaRate, speedupWarm: warmRate / fistaRate,
      relativeGap: (sumCoder - sumFista) / sumFista, worstVectorGap: worst, coderBetterShare: better / (m * layers),
      cold: perVector(coldStats), warm: perVector(warmStats),
      lambdaMoved: { lambda: moved, coldPerSecond: movedColdRate, warmPerSecond: movedWarmRate, cold: perVector(movedCold), warm: perVector(movedWarm) },
    };
    results.push(result);
    log(`λ = ${lambda}: mean active ${nonzeros.toFixed(1)}; coder ${coldRate.toFixed(0)} vectors/s cold, ${warmRate.toFixed(0)} warm (previous layer); ` +
      `FISTA-500 ${fistaRate.toFixed(2)} vectors/s (${m * layers} vectors) → ×${result.speedup.toFixed(0)} cold, ×${result.speedupWarm.toFixed(0)} warm; ` +
      `objective gap Σ(coder − FISTA)/Σ FISTA = ${result.relativeGap.toExponential(2)} (worst vector ${worst.toExponential(2)}, coder lower on ${(100 * result.coderBetterShare).toFixed(0)}%); ` +
      `per vector cold ${result.cold.rounds.toFixed(1)} rounds, ${result.cold.additions.toFixed(1)} additions, ${result.cold.removals.toFixed(1)} removals; ` +
      `warm ${result.warm.rounds.toFixed(1)} rounds, ${result.warm.additions.toFixed(1)} additions, ${result.warm.removals.toFixed(1)} removals; ` +
      `re-coding at λ = ${moved.toPrecision(3)}: ${movedColdRate.toFixed(0)} vectors/s cold, ${movedWarmRate.toFixed(0)} warm from the λ = ${lambda} codes; ` +
      `unconverged ${coldStats.unconverged + warmStats.unconverged + movedCold.unconverged + movedWarm.unconverged}`);
  }
  if (json) console.log(JSON.stringify({ tokens: n, layers, vectors: n * layers, atomCount, lipschitz, lipschitzSeconds, gramSeconds, projectionRate, fistaVectors: m * layers, results }, null, 2));
})();
