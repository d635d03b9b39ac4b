import type { Dictionary } from '../../../src/core/dictionary/dictionary';

/**
 * The exact optimum of min ½‖x − Φα‖² + λ‖α‖₁, α ≥ 0, for a tiny dictionary, by enumerating
 * every support S: on S the optimum solves Φ_SᵀΦ_S α_S = Φ_Sᵀx − λ·1; a candidate is kept if
 * α_S > 0 and no atom off S could enter (g_k + λ ≥ 0, g = Φᵀ(Φα − x)). The problem is convex,
 * so every kept candidate is optimal; the one with the lowest objective is returned.
 */
export function bruteForceLasso(x: Float64Array | Float32Array, dictionary: Dictionary, lambda: number): { alpha: Float64Array; objective: number } {
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  const dot = (j: number, k: number) => {
    let s = 0;
    for (let h = 0; h < d; h++) s += atoms[j * d + h] * atoms[k * d + h];
    return s;
  };
  const b = Array.from({ length: K }, (_, k) => {
    let s = 0;
    for (let h = 0; h < d; h++) s += atoms[k * d + h] * x[h];
    return s;
  });
  let best = { alpha: new Float64Array(K), objective: objectiveOf(x, dictionary, new Float64Array(K), lambda) };
  for (let mask = 1; mask < 1 << K; mask++) {
    const S = Array.from({ length: K }, (_, k) => k).filter((k) => mask & (1 << k));
    const solution = solveLinear(S.map((j) => S.map((k) => dot(j, k))), S.map((k) => b[k] - lambda));
    if (!solution || solution.some((v) => !(v > 0))) continue;
    const alpha = new Float64Array(K);
    S.forEach((k, i) => { alpha[k] = solution[i]; });
    let feasible = true;
    for (let k = 0; k < K && feasible; k++) {
      if (mask & (1 << k)) continue;
      let g = -b[k];
      S.forEach((j) => { g += alpha[j] * dot(k, j); });
      if (g + lambda < -1e-9 * (1 + Math.abs(b[k]))) feasible = false;
    }
    if (!feasible) continue;
    const value = objectiveOf(x, dictionary, alpha, lambda);
    if (value < best.objective) best = { alpha, objective: value };
  }
  return best;
}

function objectiveOf(x: ArrayLike<number>, { atoms, atomCount: K, hiddenSize: d }: Dictionary, alpha: Float64Array, lambda: number): number {
  let value = 0;
  for (let h = 0; h < d; h++) {
    let r = x[h];
    for (let k = 0; k < K; k++) r -= alpha[k] * atoms[k * d + h];
    value += 0.5 * r * r;
  }
  for (let k = 0; k < K; k++) value += lambda * alpha[k];
  return value;
}

/** Gaussian elimination with partial pivoting; undefined if the matrix is (numerically) singular. */
export function solveLinear(A: number[][], rhs: number[]): number[] | undefined {
  const n = rhs.length;
  const M = A.map((row, i) => [...row, rhs[i]]);
  const scale = Math.max(1e-300, ...A.flat().map(Math.abs));
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    if (Math.abs(M[pivot][c]) < 1e-12 * scale) return undefined;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * out[k];
    out[r] = s / M[r][r];
  }
  return out;
}
