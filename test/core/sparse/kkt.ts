import type { Dictionary } from '../../../src/core/dictionary/dictionary';
import { reconstruct } from '../../../src/core/sparse/objective';
import type { SparseVector } from '../../../src/core/sparse/sparseCodes';

/**
 * The worst KKT violations of a code for min ½‖x − Φα‖² + λ‖α‖₁, α ≥ 0, relative to ‖x‖,
 * with g = Φᵀ(Φα − x) computed from the residual (not from the Gram matrix the coder uses):
 * on the support g_k + λ must be 0 and α_k > 0; off it g_k + λ ≥ 0.
 */
export function kktViolations(x: Float32Array, dictionary: Dictionary, code: SparseVector, lambda: number): { active: number; inactive: number; nonPositive: number } {
  const { atoms: phi, atomCount: K, hiddenSize: d } = dictionary;
  const r = reconstruct(dictionary, code);
  let xx = 0;
  for (let h = 0; h < d; h++) {
    r[h] -= x[h];
    xx += x[h] * x[h];
  }
  const scale = Math.sqrt(xx);
  const onSupport = new Set(code.indices);
  let active = 0;
  let inactive = 0;
  for (let k = 0; k < K; k++) {
    let g = 0;
    for (let h = 0; h < d; h++) g += phi[k * d + h] * r[h];
    if (onSupport.has(k)) active = Math.max(active, Math.abs(g + lambda) / scale);
    else inactive = Math.max(inactive, -(g + lambda) / scale);
  }
  return { active, inactive, nonPositive: code.values.filter((v) => !(v > 0)).length };
}
