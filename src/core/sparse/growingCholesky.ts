/**
 * The Cholesky factor L (lower triangular, G_PP = L·Lᵀ) of the Gram matrix restricted to an
 * ordered set P of atoms, kept up to date as atoms join (a new row, O(|P|²)) and leave (Givens
 * rotations, O(|P|²)) instead of being refactored (O(|P|³)). It also carries z = L⁻¹c for a
 * right-hand side c given entry by entry as atoms join, so that G_PP s = c costs only the
 * back substitution.
 */
export class GrowingCholesky {
  /** Row-major [capacity × capacity]; row i holds L[i][0..i]. */
  private readonly L: Float64Array;
  /** z = L⁻¹c for the tracked right-hand side c. */
  private readonly z: Float64Array;
  private readonly scratch: Float64Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.L = new Float64Array(capacity * capacity);
    this.z = new Float64Array(capacity);
    this.scratch = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /**
   * Appends an atom j given u = G_Pj (its Gram entries with the atoms already in P, in P's
   * order), G_jj and c_j, its entry of the tracked right-hand side. Refuses (returns false,
   * nothing changes) if φ_j is numerically in the span of P's atoms (G_PP would be singular).
   */
  append(u: ArrayLike<number>, diagonal: number, rhs = 0, relativePivot = 1e-10): boolean {
    const { L, z, capacity: cap } = this;
    const p = this.size;
    if (p >= cap) return false;
    const row = p * cap;
    let squares = 0;
    let zDot = 0;
    for (let i = 0; i < p; i++) {
      // Forward substitution: L r = u gives the new row r.
      let s = u[i];
      const li = i * cap;
      for (let l = 0; l < i; l++) s -= L[li + l] * L[row + l];
      const r = s / L[li + i];
      L[row + i] = r;
      squares += r * r;
      zDot += r * z[i];
    }
    const pivot = diagonal - squares;
    if (!(pivot > relativePivot * diagonal)) return false;
    L[row + p] = Math.sqrt(pivot);
    z[p] = (rhs - zDot) / L[row + p];
    this.size = p + 1;
    return true;
  }

  /** Removes the atom at position q of P (and its entry of c); the atoms after it move up. */
  remove(q: number): void {
    const { L, z, capacity: cap } = this;
    const p = this.size;
    // Drop row q: rows below move up and keep one entry right of their diagonal.
    for (let i = q + 1; i < p; i++) L.copyWithin((i - 1) * cap, i * cap, i * cap + i + 1);
    // Rotate columns r, r+1 to zero each row's extra entry: G' = (L̃Q)(L̃Q)ᵀ, and z ← Qᵀz.
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
      const zr = z[r];
      const zs = z[r + 1];
      z[r] = c * zr + s * zs;
      z[r + 1] = c * zs - s * zr;
    }
    this.size = p - 1;
  }

  /** Solves G_PP s = c for the tracked right-hand side c. */
  solveTracked(out: Float64Array): Float64Array {
    const z = this.scratch;
    z.set(this.z.subarray(0, this.size));
    return this.backSubstitute(z, out);
  }

  /** Solves G_PP s = rhs (both in P's order); `out` may be `rhs`. */
  solve(rhs: ArrayLike<number>, out: Float64Array): Float64Array {
    const { L, capacity: cap } = this;
    const z = this.scratch;
    for (let i = 0; i < this.size; i++) {
      let s = rhs[i];
      const li = i * cap;
      for (let l = 0; l < i; l++) s -= L[li + l] * z[l];
      z[i] = s / L[li + i];
    }
    return this.backSubstitute(z, out);
  }

  /** Lᵀ s = z, column by column so that L is read along its rows; z is overwritten. */
  private backSubstitute(z: Float64Array, out: Float64Array): Float64Array {
    const { L, capacity: cap } = this;
    for (let i = this.size - 1; i >= 0; i--) {
      const si = z[i] / L[i * cap + i];
      out[i] = si;
      const li = i * cap;
      for (let l = 0; l < i; l++) z[l] -= L[li + l] * si;
    }
    return out;
  }
}
