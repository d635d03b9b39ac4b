import type { Dictionary } from '../dictionary/dictionary';
import { codeRow, type SparseCodes, type SparseVector } from './sparseCodes';

/** A code for one vector: dense (length K) or sparse. */
export type Code = ArrayLike<number> | SparseVector;

/** Φα in double precision (length hidden). */
export function reconstruct(dictionary: Dictionary, alpha: Code): Float64Array {
  const { atoms: phi, hiddenSize: d } = dictionary;
  const out = new Float64Array(d);
  forEachNonzero(alpha, (k, a) => {
    const base = k * d;
    for (let h = 0; h < d; h++) out[h] += a * phi[base + h];
  });
  return out;
}

/** ½‖x − Φα‖² + λ‖α‖₁, the sparse-coding objective (α is assumed non-negative; |α| is used). */
export function objective(x: ArrayLike<number>, dictionary: Dictionary, alpha: Code, lambda: number): number {
  const reconstruction = reconstruct(dictionary, alpha);
  let rr = 0;
  for (let h = 0; h < reconstruction.length; h++) rr += (x[h] - reconstruction[h]) ** 2;
  let l1 = 0;
  forEachNonzero(alpha, (_k, a) => { l1 += Math.abs(a); });
  return 0.5 * rr + lambda * l1;
}

/** ‖x − Φα‖ / ‖x‖ (0 for x = 0). */
export function relativeResidual(x: ArrayLike<number>, dictionary: Dictionary, alpha: Code): number {
  const reconstruction = reconstruct(dictionary, alpha);
  let rr = 0;
  let xx = 0;
  for (let h = 0; h < reconstruction.length; h++) {
    rr += (x[h] - reconstruction[h]) ** 2;
    xx += x[h] * x[h];
  }
  return xx > 0 ? Math.sqrt(rr / xx) : 0;
}

/** The objective of every row of X ([n × hidden]) under CSR codes or dense [n × K] codes. */
export function batchObjectives(X: Float32Array, n: number, dictionary: Dictionary, codes: SparseCodes | Float32Array, lambda: number): Float64Array {
  const { atomCount: K, hiddenSize: d } = dictionary;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const alpha = codes instanceof Float32Array ? codes.subarray(i * K, (i + 1) * K) : codeRow(codes, i);
    out[i] = objective(X.subarray(i * d, (i + 1) * d), dictionary, alpha, lambda);
  }
  return out;
}

function forEachNonzero(alpha: Code, visit: (k: number, a: number) => void): void {
  if (isSparse(alpha)) {
    for (let j = 0; j < alpha.indices.length; j++) visit(alpha.indices[j], alpha.values[j]);
  } else {
    for (let k = 0; k < alpha.length; k++) if (alpha[k] !== 0) visit(k, alpha[k]);
  }
}

function isSparse(alpha: Code): alpha is SparseVector {
  return (alpha as SparseVector).indices !== undefined;
}
