import type { LayerCoder } from '../decompose/decomposeDocument';
import type { SparseVector } from '../sparse/sparseCodes';

/** Runs the model on id sequences: per sequence, per layer, hidden states [length × hidden]. */
export type SequenceRunner = (sequences: number[][]) => Promise<Float32Array[][]>;

export interface LeaveOneOutInput {
  /** The token ids the model sees (one model window). */
  ids: readonly number[];
  /** The token whose activation is explained, as an index into `ids`. */
  target: number;
  layer: number;
  factor: number;
  hiddenSize: number;
}

export interface LeaveOneOutOptions {
  /** Sequences per model run (default 8): smaller answers cancellation sooner. */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface LeaveOneOutResult {
  /** The factor's coefficient on the target with the whole window. */
  baseline: number;
  /** Per token of the window: baseline − the coefficient with that token left out (0 for the target). */
  scores: Float64Array;
}

/**
 * Exact leave-one-out occlusion through the model: the window is run once whole and once
 * without each context token, and each token is scored by how much the factor's coefficient on
 * the target drops without it (positive: the token supports the activation). Deterministic,
 * unlike LIME's sampling, and with as many model runs as context tokens.
 */
export async function leaveOneOut(run: SequenceRunner, code: LayerCoder, input: LeaveOneOutInput, options: LeaveOneOutOptions = {}): Promise<LeaveOneOutResult> {
  const { ids, target, layer, factor, hiddenSize } = input;
  if (!Number.isInteger(target) || target < 0 || target >= ids.length) throw new RangeError(`target ${target} is not a token of the ${ids.length}-token window`);
  const { batchSize = 8, signal, onProgress } = options;
  // Sequence 0 is the whole window; sequence k > 0 leaves out token k − 1 (the target is kept).
  const left = [-1, ...ids.keys()].filter((i) => i !== target);
  const coefficients = new Float64Array(left.length);
  for (let b = 0; b < left.length; b += batchSize) {
    signal?.throwIfAborted();
    const batch = left.slice(b, b + batchSize);
    const states = await run(batch.map((i) => (i < 0 ? [...ids] : ids.filter((_, j) => j !== i))));
    // The target's hidden state in each sequence, coded together.
    const X = new Float32Array(batch.length * hiddenSize);
    batch.forEach((i, k) => {
      const row = i >= 0 && i < target ? target - 1 : target;
      X.set(states[k][layer].subarray(row * hiddenSize, (row + 1) * hiddenSize), k * hiddenSize);
    });
    const codes = await code(X, batch.length);
    signal?.throwIfAborted();
    batch.forEach((_, k) => {
      const from = codes.offsets[k];
      const to = codes.offsets[k + 1];
      coefficients[b + k] = coefficientOf({ indices: codes.indices.subarray(from, to), values: codes.values.subarray(from, to) }, factor);
    });
    onProgress?.(Math.min(left.length, b + batch.length), left.length);
  }
  const baseline = coefficients[0];
  const scores = new Float64Array(ids.length);
  left.forEach((i, k) => {
    if (i >= 0) scores[i] = baseline - coefficients[k];
  });
  return { baseline, scores };
}

/** The coefficient of one atom in a sparse code (indices ascending), 0 when inactive. */
export function coefficientOf(code: SparseVector, atom: number): number {
  let lo = 0;
  let hi = code.indices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code.indices[mid] === atom) return code.values[mid];
    if (code.indices[mid] < atom) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
