import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import { largestEigenvalue } from '../../../src/core/sparse/largestEigenvalue';
import { batchObjectives } from '../../../src/core/sparse/objective';
import { onnxFista } from '../../../src/core/sparse/onnxFista';
import { concatRows } from '../../../src/core/decompose/documentDecomposition';
import type { SparseCodes } from '../../../src/core/sparse/sparseCodes';
import { median, repeat, secondsSince } from '../support/timing';

export interface CoderComparison {
  vectors: number;
  lambda: number;
  meanActive: number;
  production: { vectorsPerSecond: number; medianSeconds: number; objective: number };
  /** The paper's setting on every one of the same vectors, run once (it is deterministic). */
  fista500: { vectorsPerSecond: number; seconds: number; objective: number; meanActive: number; lipschitz: number };
  /** Production vectors/s over FISTA-500 vectors/s. */
  speedup: number;
  /** Σ f(production) − Σ f(FISTA-500), relative to Σ f(FISTA-500), over all the vectors. */
  relativeObjectiveGap: number;
  /** The largest (f(production) − f(FISTA-500)) / f(FISTA-500) of any one vector. */
  largestVectorObjectiveGap: number;
  codes: SparseCodes;
}

/**
 * (a) The production coder (the engine's own code path) against the paper's setting, non-negative
 * FISTA with 500 iterations, step 1/L, from α = 0, at the same λ, on the same real hidden states:
 * FISTA as batched matrix products on ONNX Runtime's GEMM (as the paper's PyTorch code runs it),
 * on all n rows. Rates are vectors per second of wall time; L, a property of the dictionary like
 * the production coder's Gram matrix, is computed before the clock starts.
 */
export async function compareCoders(engine: FactorEngine, X: Float32Array, n: number, options: { runs: number }): Promise<CoderComparison> {
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

  const lipschitz = largestEigenvalue(dictionary);
  const start = performance.now();
  const fista = await onnxFista(dictionary, X, n, lambda, { iterations: 500, lipschitz });
  const fistaSeconds = secondsSince(start);
  const fistaObjectives = batchObjectives(X, n, dictionary, fista.alpha, lambda);

  let sumFista = 0;
  let sumProduction = 0;
  let largestVectorObjectiveGap = -Infinity;
  for (let i = 0; i < n; i++) {
    sumFista += fistaObjectives[i];
    sumProduction += productionObjectives[i];
    largestVectorObjectiveGap = Math.max(largestVectorObjectiveGap, (productionObjectives[i] - fistaObjectives[i]) / fistaObjectives[i]);
  }
  const productionRate = n / productionSeconds;
  const fistaRate = n / fistaSeconds;
  return {
    vectors: n,
    lambda,
    meanActive: codes.values.length / n,
    production: { vectorsPerSecond: productionRate, medianSeconds: productionSeconds, objective: sumProduction },
    fista500: { vectorsPerSecond: fistaRate, seconds: fistaSeconds, objective: sumFista, meanActive: fista.alpha.reduce((c, a) => c + (a > 0 ? 1 : 0), 0) / n, lipschitz },
    speedup: productionRate / fistaRate,
    relativeObjectiveGap: (sumProduction - sumFista) / sumFista,
    largestVectorObjectiveGap,
    codes,
  };
}
