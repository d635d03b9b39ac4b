import { GrowingCholesky } from './growingCholesky';
import type { SparseVector } from './sparseCodes';

export interface ActiveSetSettings {
  /** KKT tolerance relative to ‖x‖: stop when every g_k + λ ≥ −tolerance·‖x‖ off the support. */
  tolerance: number;
  /** Most violating atoms added to the working set per round (at least this many). */
  candidatesPerRound: number;
  /** Safety stop on rounds (each a full KKT check). */
  maxRounds: number;
}

export const DEFAULT_ACTIVE_SET_SETTINGS: ActiveSetSettings = { tolerance: 1e-7, candidatesPerRound: 16, maxRounds: 1000 };

/** Work counters, summed over the vectors coded. */
export interface ActiveSetStats {
  vectors: number;
  rounds: number;
  additions: number;
  removals: number;
  /** Vectors stopped by maxRounds or by atoms that could not join, with KKT not met. */
  unconverged: number;
}

export function emptyStats(): ActiveSetStats {
  return { vectors: 0, rounds: 0, additions: 0, removals: 0, unconverged: 0 };
}

/**
 * Exact non-negative lasso on the Gram matrix, min_α ½αᵀGα − bᵀα + λ‖α‖₁ with α ≥ 0 and
 * b = Φᵀx, i.e. NNLS in normal form with c = b − λ: an active-set method (Lawson & Hanson)
 * run on a working set. Each round computes the full gradient g = Gα − b once, takes the
 * atoms that violate KKT most (g_k + λ < 0) as candidates, and then repeatedly adds the worst
 * candidate to the support P and solves G_PP α_P = c_P exactly (a Cholesky factor kept up to
 * date), stepping back to the feasible segment and dropping atoms that reach zero when the
 * solution leaves α ≥ 0. Rounds repeat until no atom violates KKT by more than the tolerance.
 * A workspace for one dictionary size; not re-entrant.
 */
export class ActiveSetSolver {
  private readonly cholesky: GrowingCholesky;
  /** Position of each atom in P, or −1. */
  private readonly position: Int32Array;
  /** Atoms refused by the factor (numerically dependent on P) for the vector being coded. */
  private readonly refused: Uint8Array;
  private readonly support: Int32Array;
  private readonly alpha: Float64Array;
  private readonly trial: Float64Array;
  private readonly rhs: Float64Array;
  private readonly column: Float64Array;
  private readonly gradient: Float64Array;
  private readonly candidates: Int32Array;
  private size = 0;

  constructor(
    private readonly gram: Float32Array,
    private readonly atomCount: number,
    maxSupport: number,
    private readonly settings: ActiveSetSettings = DEFAULT_ACTIVE_SET_SETTINGS,
  ) {
    const K = atomCount;
    const cap = Math.min(K, maxSupport);
    this.cholesky = new GrowingCholesky(cap);
    this.position = new Int32Array(K).fill(-1);
    this.refused = new Uint8Array(K);
    this.support = new Int32Array(cap);
    this.alpha = new Float64Array(cap);
    this.trial = new Float64Array(cap);
    this.rhs = new Float64Array(cap);
    this.column = new Float64Array(cap);
    this.gradient = new Float64Array(K);
    this.candidates = new Int32Array(K);
  }

  /**
   * Codes one vector given b = Φᵀx, ‖x‖ (the tolerance's scale) and λ, optionally warm-started
   * from a non-negative code (only its positive entries are used).
   */
  solve(b: ArrayLike<number>, xNorm: number, lambda: number, warm?: SparseVector, stats?: ActiveSetStats): SparseVector {
    const K = this.atomCount;
    const G = this.gram;
    const tolerance = this.settings.tolerance * Math.max(xNorm, Number.MIN_VALUE);
    this.reset();
    if (warm) {
      for (let j = 0; j < warm.indices.length; j++) {
        if (warm.values[j] > 0) this.join(warm.indices[j], warm.values[j]);
      }
      this.settle(b, lambda, stats);
    }
    const g = this.gradient;
    let converged = false;
    let rounds = 0;
    for (; rounds < this.settings.maxRounds; rounds++) {
      // Full gradient g = Gα − b (G symmetric: row k of G is column k).
      for (let k = 0; k < K; k++) g[k] = -b[k];
      for (let i = 0; i < this.size; i++) {
        const a = this.alpha[i];
        const row = this.support[i] * K;
        for (let k = 0; k < K; k++) g[k] += a * G[row + k];
      }
      const count = this.worstViolators(g, lambda, tolerance);
      if (count === 0) {
        converged = !this.refusedViolate(g, lambda, tolerance);
        break;
      }
      this.solveOnCandidates(count, b, lambda, tolerance, stats);
    }
    if (stats) {
      stats.vectors++;
      stats.rounds += rounds;
      if (!converged) stats.unconverged++;
    }
    return this.result();
  }

  private reset(): void {
    for (let i = 0; i < this.size; i++) this.position[this.support[i]] = -1;
    this.size = 0;
    this.cholesky.clear();
    this.refused.fill(0);
  }

  /**
   * The candidates of a round: off-support atoms with g_k + λ < −tolerance, the worst first,
   * at least `candidatesPerRound` of them (more when the support is large, so that rounds,
   * each costing K·|P|, stay few). Returns how many were written to `candidates`.
   */
  private worstViolators(g: Float64Array, lambda: number, tolerance: number): number {
    const want = Math.max(this.settings.candidatesPerRound, this.size >> 1);
    const list = this.candidates;
    let count = 0;
    for (let k = 0; k < this.atomCount; k++) {
      if (this.position[k] < 0 && !this.refused[k] && g[k] + lambda < -tolerance) list[count++] = k;
    }
    if (count > want) {
      const chosen = Array.from(list.subarray(0, count)).sort((p, q) => g[p] - g[q]).slice(0, want);
      list.set(chosen);
      count = want;
    }
    return count;
  }

  /**
   * Lawson–Hanson on P ∪ candidates: add the candidate with the most negative g_k + λ, re-solve,
   * until no candidate violates KKT.
   */
  private solveOnCandidates(count: number, b: ArrayLike<number>, lambda: number, tolerance: number, stats?: ActiveSetStats): void {
    const K = this.atomCount;
    const G = this.gram;
    const list = this.candidates;
    for (;;) {
      let worst = -1;
      let worstSlack = -tolerance;
      for (let c = 0; c < count; c++) {
        const k = list[c];
        if (this.position[k] >= 0 || this.refused[k]) continue;
        // g_k + λ = (Gα)_k − b_k + λ over the current support.
        let slack = lambda - b[k];
        const row = k * K;
        for (let i = 0; i < this.size; i++) slack += this.alpha[i] * G[row + this.support[i]];
        if (slack < worstSlack) {
          worstSlack = slack;
          worst = k;
        }
      }
      if (worst < 0) return;
      if (!this.join(worst, 0)) {
        this.refused[worst] = 1;
        continue;
      }
      if (stats) stats.additions++;
      this.settle(b, lambda, stats);
      // Rounding can leave a barely violating atom at zero: it must not come back this vector.
      if (this.position[worst] < 0) this.refused[worst] = 1;
    }
  }

  private refusedViolate(g: Float64Array, lambda: number, tolerance: number): boolean {
    for (let k = 0; k < this.atomCount; k++) if (this.refused[k] && g[k] + lambda < -tolerance) return true;
    return false;
  }

  /** Puts atom k at the end of P with value a; false if the factor refuses it. */
  private join(k: number, a: number): boolean {
    if (this.position[k] >= 0 || this.size >= this.cholesky.capacity) return false;
    const K = this.atomCount;
    const u = this.column;
    for (let i = 0; i < this.size; i++) u[i] = this.gram[k * K + this.support[i]];
    if (!this.cholesky.append(u, this.gram[k * K + k])) return false;
    this.support[this.size] = k;
    this.alpha[this.size] = a;
    this.position[k] = this.size++;
    return true;
  }

  /**
   * Lawson–Hanson's inner loop: s = G_PP⁻¹ c_P; if s > 0 it is the new α_P; otherwise move α
   * towards s as far as α ≥ 0 allows, drop the atoms that reach zero, and solve again.
   */
  private settle(b: ArrayLike<number>, lambda: number, stats?: ActiveSetStats): void {
    const s = this.trial;
    const alpha = this.alpha;
    for (;;) {
      const p = this.size;
      if (p === 0) return;
      for (let i = 0; i < p; i++) this.rhs[i] = b[this.support[i]] - lambda;
      this.cholesky.solve(this.rhs, s);
      let step = 1;
      let blocking = -1;
      for (let i = 0; i < p; i++) {
        if (s[i] <= 0) {
          const limit = alpha[i] / (alpha[i] - s[i]);
          if (limit < step) {
            step = limit;
            blocking = i;
          }
        }
      }
      if (blocking < 0) {
        alpha.set(s.subarray(0, p));
        return;
      }
      for (let i = 0; i < p; i++) alpha[i] += step * (s[i] - alpha[i]);
      alpha[blocking] = 0;
      // Drop every atom at (or, by rounding, below) zero, last first so positions stay valid.
      for (let i = p - 1; i >= 0; i--) {
        if (alpha[i] <= 0) {
          this.leave(i);
          if (stats) stats.removals++;
        }
      }
    }
  }

  private leave(i: number): void {
    this.cholesky.remove(i);
    this.position[this.support[i]] = -1;
    for (let j = i + 1; j < this.size; j++) {
      this.support[j - 1] = this.support[j];
      this.alpha[j - 1] = this.alpha[j];
      this.position[this.support[j - 1]] = j - 1;
    }
    this.size--;
  }

  /** The support in ascending atom order with its values (any that round to 0 in float32 left out). */
  private result(): SparseVector {
    const order = Array.from({ length: this.size }, (_, i) => i)
      .filter((i) => Math.fround(this.alpha[i]) > 0)
      .sort((p, q) => this.support[p] - this.support[q]);
    const indices = new Uint32Array(order.length);
    const values = new Float32Array(order.length);
    order.forEach((i, j) => {
      indices[j] = this.support[i];
      values[j] = this.alpha[i];
    });
    return { indices, values };
  }
}
