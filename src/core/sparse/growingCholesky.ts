/**
 * The Cholesky factor L (lower triangular, G_PP = L·Lᵀ) of the Gram matrix restricted to an
 * ordered set P of atoms, kept up to date as atoms join (a new row, O(|P|²)) and leave (Givens
 * rotations, O(|P|²)) instead of being refactored (O(|P|³)).
 */
export class GrowingCholesky {
  /** Row-major [capacity × capacity]; row i holds L[i][0..i]. */
  private readonly L: Float64Array;
  private readonly scratch: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.L = new Float64Array(capacity * capacity);
    this.scratch = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /**
   * Appends an atom j given u = G_Pj (its Gram entries with the atoms already in P, in P's
   * order) and G_jj. Refuses (returns false, nothing changes) if φ_j is numerically in the span
   * of P's atoms, which would make G_PP singular.
   */
  append(u: ArrayLike<number>, diagonal: number, relativePivot = 1e-10): boolean {
    const { L, capacity: cap } = this;
    const p = this.size;
    if (p >= cap) return false;
    const row = p * cap;
    let squares = 0;
    for (let i = 0; i < p; i++) {
      // Forward substitution: L r = u.
      let s = u[i];
      const li = i * cap;
      for (let l = 0; l < i; l++) s -= L[li + l] * L[row + l];
      const r = s / L[li + i];
      L[row + i] = r;
      squares += r * r;
    }
    const pivot = diagonal - squares;
    if (!(pivot > relativePivot * diagonal)) return false;
    L[row + p] = Math.sqrt(pivot);
    this.size = p + 1;
    return true;
  }

  /** Removes the atom at position q of P; the atoms after it move up one place. */
  remove(q: number): void {
    const { L, capacity: cap } = this;
    const p = this.size;
    // Drop row q: rows below move up and keep one entry right of their diagonal.
    for (let i = q + 1; i < p; i++) L.copyWithin((i - 1) * cap, i * cap, i * cap + i + 1);
    // Rotate columns r, r+1 to zero each row's extra entry (G' = L̃QQᵀL̃ᵀ, Q orthogonal).
    for (let r = q; r < p - 1; r++) {
      const a = L[r * cap + r];
      const b = L[r * cap + r + 1];
      const rho = Math.hypot(a, b);
      const c = a / rho;
      const s = b / rho;
      for (let i = r; i < p - 1; i++) {
        const x = L[i * cap + r];
        const y = L[i * cap + r + 1];
        L[i * cap + r] = c * x + s * y;
        L[i * cap + r + 1] = c * y - s * x;
      }
      L[r * cap + r + 1] = 0;
    }
    this.size = p - 1;
  }

  /** Solves G_PP s = rhs (both in P's order); `out` may be `rhs`. */
  solve(rhs: ArrayLike<number>, out: Float64Array): Float64Array {
    const { L, capacity: cap } = this;
    const p = this.size;
    const z = this.scratch;
    for (let i = 0; i < p; i++) {
      let s = rhs[i];
      const li = i * cap;
      for (let l = 0; l < i; l++) s -= L[li + l] * z[l];
      z[i] = s / L[li + i];
    }
    // Lᵀ s = z, column by column so that L is read along its rows.
    for (let i = p - 1; i >= 0; i--) {
      const si = z[i] / L[i * cap + i];
      out[i] = si;
      const li = i * cap;
      for (let l = 0; l < i; l++) z[l] -= L[li + l] * si;
    }
    return out;
  }
}
