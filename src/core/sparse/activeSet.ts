import { GrowingCholesky } from './growingCholesky';
import { largestAbove, selectSmallest } from './selectSmallest';
import type { SparseVector } from './sparseCodes';
import { GradientKernel } from './wasm/gradientKernel';

export interface ActiveSetSettings {
  /** KKT tolerance relative to ‖x‖: stop when every g_k + λ ≥ −tolerance·‖x‖ off the support. */
  tolerance: number;
  /** Most violating atoms added to the working set per round (at least this many). */
  candidatesPerRound: number;
  /** Safety stop on rounds (each a full KKT check). */
  maxRounds: number;
  /** Safety stop on atoms added per vector, as a multiple of the largest possible support. */
  maxAdditionsPerSupport: number;
}

/** candidatesPerRound: 4–16 measured alike on the bundled dictionary (K = 2048), 32 and 64 slower (scripts/bench/sparseCoders.ts). */
export const DEFAULT_ACTIVE_SET_SETTINGS: ActiveSetSettings = { tolerance: 1e-7, candidatesPerRound: 16, maxRounds: 1000, maxAdditionsPerSupport: 50 };

/** Work counters, summed over the vectors coded. */
export interface ActiveSetStats {
  vectors: number;
  rounds: number;
  additions: number;
  removals: number;
  /** Vectors stopped by a safety limit or by atoms that could not join, with KKT not met. */
  unconverged: number;
}

export function emptyStats(): ActiveSetStats {
  return { vectors: 0, rounds: 0, additions: 0, removals: 0, unconverged: 0 };
}

/**
 * Exact non-negative lasso on the Gram matrix, min_α ½αᵀGα − bᵀα + λ‖α‖₁ with α ≥ 0 and
 * b = Φᵀx, i.e. NNLS in normal form with c = b − λ: an active-set method (Lawson & Hanson)
 * run on a working set. Each round computes the full gradient g = Gα − b once (in float32 on
 * SIMD, GradientKernel), takes the atoms that violate KKT most (g_k + λ < 0) as candidates, and
 * then repeatedly adds the worst candidate, its violation computed again in double precision, to
 * the support P and solves G_PP α_P = c_P exactly (a Cholesky factor kept up to
 * date), stepping back to the feasible segment and dropping atoms that reach zero when the
 * solution leaves α ≥ 0. Rounds repeat until no atom violates KKT by more than the tolerance.
 * A workspace for one dictionary; not re-entrant.
 */
export class ActiveSetSolver {
  private readonly cholesky: GrowingCholesky;
  /** G (rows `stride` floats apart), b, g = Gα − b and the candidate list, in WebAssembly memory. */
  private readonly kernel: GradientKernel;
  private readonly gram: Float32Array;
  private readonly stride: number;
  private readonly b: Float32Array;
  private readonly gradient: Float32Array;
  /** Position of each atom in P, or −1. */
  private readonly position: Int32Array;
  /** Atoms refused (numerically dependent on P, or stuck at zero) for the vector being coded, and their list. */
  private readonly refused: Uint8Array;
  private readonly refusedList: Int32Array;
  private refusedCount = 0;
  /** 1 where an atom may not be a candidate: in P or refused (the kernel's view). */
  private readonly blocked: Uint8Array;
  /** P in the factor's order, and α_P. */
  private readonly support: Int32Array;
  private readonly alpha: Float64Array;
  private readonly trial: Float64Array;
  private readonly column: Float64Array;
  /** While a round's candidates are solved: G between each candidate and P, [candidate × capacity], kept in step with P. */
  private readonly candidateGram: Float64Array;
  private candidateCount = 0;
  private readonly capacity: number;
  private size = 0;
  private readonly maxAdditions: number;
  // The vector being coded.
  private additions = 0;
  private lambda = 0;
  private tolerance = 0;
  private stats: ActiveSetStats | undefined;

  constructor(
    gram: Float32Array,
    private readonly atomCount: number,
    maxSupport: number,
    private readonly settings: ActiveSetSettings = DEFAULT_ACTIVE_SET_SETTINGS,
  ) {
    const K = atomCount;
    const cap = Math.min(K, maxSupport);
    this.kernel = new GradientKernel(gram, K, cap);
    ({ gram: this.gram, stride: this.stride, b: this.b, g: this.gradient, blocked: this.blocked } = this.kernel);
    this.cholesky = new GrowingCholesky(cap);
    this.position = new Int32Array(K).fill(-1);
    this.refused = new Uint8Array(K);
    this.refusedList = new Int32Array(K);
    this.support = new Int32Array(cap);
    this.alpha = new Float64Array(cap);
    this.trial = new Float64Array(cap);
    this.column = new Float64Array(cap);
    this.capacity = cap;
    this.candidateGram = new Float64Array(Math.max(settings.candidatesPerRound, cap >> 1) * cap);
    this.maxAdditions = settings.maxAdditionsPerSupport * cap;
  }

  /** Replaces G by another Gram matrix of the same size (the dictionary was updated). */
  setGram(gram: Float32Array): void {
    this.kernel.setGram(gram);
  }

  /**
   * Codes one vector given b = Φᵀx, ‖x‖ (the tolerance's scale) and λ, optionally warm-started
   * from a guess of its support (the atoms with positive values in `warm`).
   */
  solve(b: ArrayLike<number>, xNorm: number, lambda: number, warm?: SparseVector, stats?: ActiveSetStats): SparseVector {
    this.kernel.setB(b);
    this.lambda = lambda;
    this.tolerance = this.settings.tolerance * Math.max(xNorm, Number.MIN_VALUE);
    this.stats = stats;
    this.additions = 0;
    this.reset();
    if (warm) this.startFrom(warm);
    let converged = false;
    let rounds = 0;
    for (; rounds < this.settings.maxRounds && this.additions <= this.maxAdditions; rounds++) {
      const count = this.worstViolators();
      // The float32 gradient may flag an atom that the exact check then clears: that is optimal too.
      if (count === 0 || !this.solveOnCandidates(count)) {
        converged = !this.refusedViolate();
        break;
      }
    }
    if (stats) {
      stats.vectors++;
      stats.rounds += rounds;
      if (!converged) stats.unconverged++;
    }
    this.stats = undefined;
    return this.result();
  }

  /**
   * ‖x − Φα‖² = ‖x‖² − 2bᵀα + αᵀGα for a code of the vector just solved (its b is still held),
   * given ‖x‖²: O(|P|²) instead of the O(|P|·hidden) of reconstructing Φα.
   */
  residualSquared(code: SparseVector, xx: number): number {
    const { indices, values } = code;
    let bAlpha = 0;
    let quadratic = 0;
    for (let i = 0; i < indices.length; i++) {
      const row = indices[i] * this.stride;
      let s = 0;
      for (let j = 0; j < i; j++) s += values[j] * this.gram[row + indices[j]];
      quadratic += values[i] * (2 * s + values[i] * this.gram[row + indices[i]]);
      bAlpha += this.b[indices[i]] * values[i];
    }
    return Math.max(0, xx - 2 * bAlpha + quadratic);
  }

  private reset(): void {
    for (let i = 0; i < this.size; i++) this.position[this.support[i]] = -1;
    this.size = 0;
    this.cholesky.clear();
    for (let i = 0; i < this.refusedCount; i++) this.refused[this.refusedList[i]] = 0;
    this.refusedCount = 0;
    this.blocked.fill(0, 0, this.atomCount);
  }

  private refuse(k: number): void {
    if (!this.refused[k]) this.refusedList[this.refusedCount++] = k;
    this.refused[k] = 1;
    this.blocked[k] = 1;
  }

  /**
   * A round's full gradient g = Gα − b (G symmetric: row k of G is column k) and its candidates:
   * off-support atoms with g_k + λ < −tolerance, the worst first, at least `candidatesPerRound`
   * of them (more when the support is large, so that rounds, each costing K·|P|, stay few).
   * Returns how many are at the start of the kernel's candidate list.
   */
  private worstViolators(): number {
    const threshold = -this.lambda - this.tolerance;
    const want = Math.max(this.settings.candidatesPerRound, this.size >> 1);
    // With α = 0, g = −b: most atoms may violate (b shares the hidden states' mean direction), so keep only the best.
    if (this.size === 0) return largestAbove(this.b, this.atomCount, -threshold, this.blocked, want, this.kernel.candidates);
    const count = this.kernel.gradient(this.support, this.alpha, this.size, threshold);
    if (count <= want) return count;
    selectSmallest(this.kernel.candidates, count, want, this.gradient);
    return want;
  }

  /** Whether a refused atom violates KKT at the final α (computed exactly). */
  private refusedViolate(): boolean {
    for (let r = 0; r < this.refusedCount; r++) {
      const k = this.refusedList[r];
      if (this.position[k] >= 0) continue;
      let slack = this.lambda - this.b[k];
      const row = k * this.stride;
      for (let i = 0; i < this.size; i++) slack += this.alpha[i] * this.gram[row + this.support[i]];
      if (slack < -this.tolerance) return true;
    }
    return false;
  }

  /**
   * Lawson–Hanson on P ∪ candidates: add the candidate with the most negative g_k + λ (computed
   * exactly), re-solve, until no candidate violates KKT. False if none could join at all.
   */
  private solveOnCandidates(count: number): boolean {
    const { gram: G, stride, b, lambda, support, alpha, blocked, capacity: cap } = this;
    const list = this.kernel.candidates;
    const C = this.candidateGram;
    for (let c = 0; c < count; c++) {
      const row = list[c] * stride;
      for (let i = 0; i < this.size; i++) C[c * cap + i] = G[row + support[i]];
    }
    this.candidateCount = count;
    const additionsBefore = this.additions;
    try {
      for (;;) {
        let worst = -1;
        let worstSlack = -this.tolerance;
        for (let c = 0; c < count; c++) {
          const k = list[c];
          if (blocked[k]) continue;
          // g_k + λ = (Gα)_k − b_k + λ over the current support.
          let slack = lambda - b[k];
          const at = c * cap;
          for (let i = 0; i < this.size; i++) slack += alpha[i] * C[at + i];
          if (slack < worstSlack) {
            worstSlack = slack;
            worst = k;
          }
        }
        if (worst < 0) return this.additions > additionsBefore;
        if (++this.additions > this.maxAdditions) return true;
        if (!this.join(worst) && !this.exchange(worst)) {
          this.refuse(worst);
          continue;
        }
        if (this.stats) this.stats.additions++;
        this.settle();
        // Rounding can leave a barely violating atom at zero: it must not come back this vector.
        if (this.position[worst] < 0) this.refuse(worst);
      }
    } finally {
      this.candidateCount = 0;
    }
  }

  /** Puts atom k at the end of P with value a; false if the factor refuses it. */
  private join(k: number, a = 0): boolean {
    if (this.position[k] >= 0) return false;
    const row = k * this.stride;
    const u = this.column;
    for (let i = 0; i < this.size; i++) u[i] = this.gram[row + this.support[i]];
    if (!this.cholesky.append(u, this.gram[row + k], this.b[k] - this.lambda)) return false;
    const p = this.size;
    for (let c = 0; c < this.candidateCount; c++) this.candidateGram[c * this.capacity + p] = this.gram[row + this.kernel.candidates[c]];
    this.support[p] = k;
    this.alpha[p] = a;
    this.position[k] = p;
    this.size = p + 1;
    this.blocked[k] = 1;
    return true;
  }

  private leave(i: number): void {
    this.cholesky.remove(i);
    const k = this.support[i];
    this.position[k] = -1;
    this.blocked[k] = this.refused[k];
    for (let c = 0; c < this.candidateCount; c++) {
      const at = c * this.capacity;
      this.candidateGram.copyWithin(at + i, at + i + 1, at + this.size);
    }
    for (let j = i + 1; j < this.size; j++) {
      this.support[j - 1] = this.support[j];
      this.alpha[j - 1] = this.alpha[j];
      this.position[this.support[j - 1]] = j - 1;
    }
    this.size--;
    if (this.stats) this.stats.removals++;
  }

  /**
   * Lawson–Hanson's inner loop: s = G_PP⁻¹ c_P; if s > 0 it is the new α_P; otherwise move α
   * towards s as far as α ≥ 0 allows, drop the atoms that reach zero, and solve again.
   */
  private settle(): void {
    const s = this.trial;
    const alpha = this.alpha;
    for (;;) {
      const p = this.size;
      if (p === 0) return;
      this.cholesky.solveTracked(s);
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
      for (let i = p - 1; i >= 0; i--) if (alpha[i] <= 0) this.leave(i);
    }
  }

  /**
   * Atom k could not join because φ_k is (numerically) in the span of P's atoms: φ_k = Φ_P w.
   * Moving α_P −= τw, α_k += τ keeps Φα and changes λ‖α‖₁ by λτ(1 − Σw), which is a descent
   * exactly when k violates KKT (g_k + λ = λ(1 − Σw) < 0). Go as far as α_P ≥ 0 allows and swap
   * the atom that reaches zero for k. False (nothing changed) if that is no descent or fails.
   */
  private exchange(k: number): boolean {
    const p = this.size;
    if (p === 0) return false;
    const w = this.trial;
    const row = k * this.stride;
    for (let i = 0; i < p; i++) this.column[i] = this.gram[row + this.support[i]];
    this.cholesky.solve(this.column, w);
    let sum = 0;
    let tau = Infinity;
    let out = -1;
    for (let i = 0; i < p; i++) {
      sum += w[i];
      if (w[i] > 0 && this.alpha[i] / w[i] < tau) {
        tau = this.alpha[i] / w[i];
        out = i;
      }
    }
    if (!(sum > 1) || out < 0) return false;
    const atoms = Array.from(this.support.subarray(0, p));
    const before = Array.from(this.alpha.subarray(0, p));
    const after = before.map((a, i) => (i === out ? 0 : Math.max(0, a - tau * w[i])));
    this.leave(out);
    if (this.join(k, tau)) {
      atoms.forEach((atom, i) => { if (i !== out) this.alpha[this.position[atom]] = after[i]; });
      return true;
    }
    this.join(atoms[out], before[out]);
    atoms.forEach((atom, i) => { this.alpha[this.position[atom]] = before[i]; });
    return false;
  }

  /**
   * A warm start is a guess of the support: solve G_PP α_P = c_P on it and drop every atom whose
   * coefficient comes out ≤ 0, all at once, until the solution is positive (Lawson–Hanson's
   * step-back would drop them one solve at a time, and a guess from another layer or token holds
   * many wrong atoms). The rounds that follow restore any atom dropped wrongly.
   */
  private startFrom(warm: SparseVector): void {
    for (let j = 0; j < warm.indices.length; j++) if (warm.values[j] > 0) this.join(warm.indices[j]);
    const s = this.trial;
    while (this.size > 0) {
      this.cholesky.solveTracked(s);
      let kept = 0;
      for (let i = 0; i < this.size; i++) if (s[i] > 0) kept++;
      if (kept === this.size) {
        this.alpha.set(s.subarray(0, this.size));
        return;
      }
      const dropped = this.size - kept;
      if (dropped * this.size * this.size > kept * kept * kept) {
        // Cheaper to factor the survivors afresh than to remove the others one by one.
        const survivors = Array.from(this.support.subarray(0, this.size)).filter((_, i) => s[i] > 0);
        for (let i = 0; i < this.size; i++) {
          const k = this.support[i];
          this.position[k] = -1;
          this.blocked[k] = this.refused[k];
        }
        this.size = 0;
        this.cholesky.clear();
        for (const k of survivors) this.join(k);
        if (this.stats) this.stats.removals += dropped;
      } else {
        for (let i = this.size - 1; i >= 0; i--) if (!(s[i] > 0)) this.leave(i);
      }
    }
  }

  /** The support in ascending atom order with its values (any that round to 0 in float32 left out). */
  private result(): SparseVector {
    let count = 0;
    for (let i = 0; i < this.size; i++) if (Math.fround(this.alpha[i]) > 0) count++;
    const indices = new Uint32Array(count);
    const values = new Float32Array(count);
    // Insertion sort by atom: supports are small.
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      const value = Math.fround(this.alpha[i]);
      if (!(value > 0)) continue;
      const atom = this.support[i];
      let j = n++;
      for (; j > 0 && indices[j - 1] > atom; j--) {
        indices[j] = indices[j - 1];
        values[j] = values[j - 1];
      }
      indices[j] = atom;
      values[j] = value;
    }
    return { indices, values };
  }
}
