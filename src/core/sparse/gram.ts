import type { Dictionary } from '../dictionary/dictionary';
import { multiplyTransposed } from './kernels';

/**
 * G = ΦᵀΦ, the [K × K] Gram matrix of the atoms (G_jk = ⟨φ_j, φ_k⟩), in float32. Symmetric, so
 * only the blocks on and above the diagonal are multiplied and the rest is mirrored.
 */
export function gramMatrix(dictionary: Dictionary): Float32Array {
  const { atoms: phi, atomCount: K, hiddenSize: d } = dictionary;
  const G = new Float32Array(K * K);
  const blockRows = 64;
  const block = new Float32Array(blockRows * K);
  for (let i0 = 0; i0 < K; i0 += blockRows) {
    const m = Math.min(blockRows, K - i0);
    const width = K - i0;
    multiplyTransposed(phi.subarray(i0 * d, (i0 + m) * d), phi.subarray(i0 * d), block, m, width, d);
    for (let r = 0; r < m; r++) {
      for (let c = r; c < width; c++) {
        const g = block[r * width + c];
        G[(i0 + r) * K + i0 + c] = g;
        G[(i0 + c) * K + i0 + r] = g;
      }
    }
  }
  return G;
}
