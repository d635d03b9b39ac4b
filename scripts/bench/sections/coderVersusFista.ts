import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import { fistaNonNegative } from '../../../src/core/sparse/fista';
import { largestEigenvalue } from '../../../src/core/sparse/largestEigenvalue';
import { batchObjectives } from '../../../src/core/sparse/objective';
import { concatRows } from '../../../src/core/decompose/documentDecomposition';
import type { SparseCodes } from '../../../src/core/sparse/sparseCodes';
import { median, repeat, secondsSince } from '../support/timing';

export interface CoderComparison {
  vectors: number;
  lambda: number;
  meanActive: number;
  production: { vectorsPerSecond: number; medianSeconds: number; objective: number };
  fista500: { vectors: number; vectorsPerSecond: number; seconds: number };
  speedup: number;
  /** Σ f(production) − Σ f(FISTA-500), relative to Σ f(FISTA-500), on FISTA's vectors. */
  relativeObjectiveGap: number;
  codes: SparseCodes;
}

/**
 * (a) The production coder (the engine's own code path) against the paper's setting, non-negative
 * FISTA with 500 iterations at the same λ, on the same real hidden states. FISTA runs on about
 * `fistaVectors` of them, evenly spaced (it is slow); rates are vectors per second of wall time.
 */
export async function compareCoders(engine: FactorEngine, X: Float32Array, n: number, options: { runs: number; fistaVectors: number }): Promise<CoderComparison> {
  const { dictionary, lambda } = engine;
  const d = dictionary.hiddenSize;
  await engine.code(X.subarray(0, 64 * d), 64); // warm up the JIT and the GEMM session
  const runs = await repeat(options.runs, async () => {
    const parts: SparseCodes[] = [];
    // The engine codes one window's tokens at a time; 128 rows is the model's longest window.
    for (let row = 0; row < n; row += 128) {
      const m = Math.min(128, n - row);
      parts.push(await engine.code(X.subarray(row * d, (row + m) * d), m));
    }
    return concatRows(parts);
  });
  const codes = runs[0].result;
  const productionSeconds = median(runs.map((r) => r.seconds));
  const productionObjectives = batchObjectives(X, n, dictionary, codes, lambda);

  const every = Math.max(1, Math.floor(n / options.fistaVectors));
  const picked = Array.from({ length: Math.floor(n / every) }, (_, i) => i * every);
  const sample = new Float32Array(picked.length * d);
  picked.forEach((i, r) => sample.set(X.subarray(i * d, (i + 1) * d), r * d));
  const start = performance.now();
  const lipschitz = largestEigenvalue(dictionary);
  const fista = fistaNonNegative(dictionary, sample, picked.length, lambda, { iterations: 500, lipschitz });
  const fistaSeconds = secondsSince(start);
  const fistaObjectives = batchObjectives(sample, picked.length, dictionary, fista.alpha, lambda);
  let sumFista = 0;
  let sumProduction = 0;
  picked.forEach((i, r) => {
    sumFista += fistaObjectives[r];
    sumProduction += productionObjectives[i];
  });
  const productionRate = n / productionSeconds;
  const fistaRate = picked.length / fistaSeconds;
  return {
    vectors: n,
    lambda,
    meanActive: codes.values.length / n,
    production: { vectorsPerSecond: productionRate, medianSeconds: productionSeconds, objective: productionObjectives.reduce((s, f) => s + f, 0) },
    fista500: { vectors: picked.length, vectorsPerSecond: fistaRate, seconds: fistaSeconds },
    speedup: productionRate / fistaRate,
    relativeObjectiveGap: (sumProduction - sumFista) / sumFista,
    codes,
  };
}
