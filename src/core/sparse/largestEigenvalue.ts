import type { Dictionary } from '../dictionary/dictionary';
import { multiplyTransposed, transpose } from './kernels';

export interface PowerIterationOptions {
  /** Stop when the Rayleigh quotient changes by less than this, relative (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * L = the largest eigenvalue of ΦᵀΦ (the Lipschitz constant of ∇½‖x − Φα‖², hence FISTA's
 * step 1/L), by power iteration on whichever of ΦᵀΦ [K × K] and ΦΦᵀ [hidden × hidden] is
 * smaller: both have the same non-zero eigenvalues.
 */
export function largestEigenvalue(dictionary: Dictionary, options: PowerIterationOptions = {}): number {
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  if (K <= d) {
    const gram = new Float64Array(K * K);
    multiplyTransposed(atoms, atoms, gram, K, K, d);
    return largestEigenvalueOfSymmetric(gram, K, options);
  }
  const atomsT = transpose(atoms, K, d);
  const outer = new Float64Array(d * d);
  multiplyTransposed(atomsT, atomsT, outer, d, d, K);
  return largestEigenvalueOfSymmetric(outer, d, options);
}

/**
 * The largest eigenvalue of a symmetric positive semi-definite [size × size] matrix M by power
 * iteration: v ← Mv/‖Mv‖ until the Rayleigh quotient vᵀMv settles. Starts from the all-ones
 * direction with a fixed ripple, which is never orthogonal to the top eigenvector in practice
 * (hidden states share a large mean direction, so the top eigenvector is close to it).
 */
export function largestEigenvalueOfSymmetric(M: Float64Array | Float32Array, size: number, options: PowerIterationOptions = {}): number {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 20000;
  let v = new Float64Array(size);
  let w = new Float64Array(size);
  for (let i = 0; i < size; i++) v[i] = 1 + 0.5 * Math.sin(1 + 7 * i);
  normalise(v);
  let rayleigh = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let vMv = 0;
    for (let i = 0; i < size; i++) {
      let s = 0;
      const row = i * size;
      for (let j = 0; j < size; j++) s += M[row + j] * v[j];
      w[i] = s;
      vMv += v[i] * s;
    }
    if (normalise(w) === 0) return 0;
    [v, w] = [w, v];
    if (iteration > 0 && Math.abs(vMv - rayleigh) <= tolerance * vMv) return vMv;
    rayleigh = vMv;
  }
  return rayleigh;
}

function normalise(v: Float64Array): number {
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += v[i] * v[i];
  const norm = Math.sqrt(ss);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
  return norm;
}
