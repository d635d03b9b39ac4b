import type { Dictionary } from '../dictionary/dictionary';
import { ActiveSetSolver, DEFAULT_ACTIVE_SET_SETTINGS, type ActiveSetSettings, type ActiveSetStats } from './activeSet';
import { gramMatrix } from './gram';
import { multiplyTransposed } from './kernels';
import { codeRow, stackSparseVectors, type SparseCodes, type SparseVector } from './sparseCodes';

export interface SparseCoderOptions extends Partial<ActiveSetSettings> {
  /** G = ΦᵀΦ if already computed (it is the costly part of construction: K²·hidden). */
  gram?: Float32Array;
}

export interface BatchCodingOptions {
  /** One warm start per row (e.g. the same tokens' codes at the previous layer). */
  warmStarts?: SparseCodes;
  /** XΦᵀ ([n × K]) if already computed, e.g. on ONNX Runtime's GEMM; otherwise computed here. */
  correlations?: Float32Array;
  stats?: ActiveSetStats;
}

/**
 * Exact sparse coding against one dictionary, for interactive use: the same problem as the
 * paper's FISTA (min_α ½‖x − Φα‖² + λ‖α‖₁, α ≥ 0), solved to KKT tolerance by an active-set
 * method on the Gram matrix G = ΦᵀΦ, which is computed once here (or given).
 */
export class SparseCoder {
  private readonly solver: ActiveSetSolver;
  private current: Dictionary;

  constructor(dictionary: Dictionary, options: SparseCoderOptions = {}) {
    this.current = dictionary;
    const { atomCount: K, hiddenSize: d } = dictionary;
    const gram = options.gram ?? gramMatrix(dictionary);
    const { gram: _gram, ...settings } = options;
    this.solver = new ActiveSetSolver(gram, K, Math.min(K, d), { ...DEFAULT_ACTIVE_SET_SETTINGS, ...settings });
  }

  /**
   * Codes against an updated dictionary of the same shape from now on (a learning step moved its
   * atoms), given its Gram matrix: cheaper than a new coder, whose solver holds its own copy of G.
   */
  retarget(dictionary: Dictionary, gram: Float32Array): void {
    const { atomCount: K, hiddenSize: d } = this.current;
    if (dictionary.atomCount !== K || dictionary.hiddenSize !== d) {
      throw new Error(`the coder is for ${K} atoms of size ${d}, not ${dictionary.atomCount} of size ${dictionary.hiddenSize}`);
    }
    this.solver.setGram(gram);
    this.current = dictionary;
  }

  get dictionary(): Dictionary {
    return this.current;
  }

  /** The code of one vector x (length hidden). */
  code(x: Float32Array, lambda: number, warmStart?: SparseVector, stats?: ActiveSetStats): SparseVector {
    return this.codeRows(x, 1, lambda, warmStart && stackSparseVectors([warmStart]), stats)[0];
  }

  /** Codes the rows of X ([n × hidden], row-major), with each row's relative residual ‖x − Φα‖ / ‖x‖. */
  codeBatch(X: Float32Array, n: number, lambda: number, options: BatchCodingOptions = {}): SparseCodes {
    const relativeResiduals = new Float32Array(n);
    const codes = stackSparseVectors(this.codeRows(X, n, lambda, options.warmStarts, options.stats, options.correlations, relativeResiduals));
    return { ...codes, relativeResiduals };
  }

  private codeRows(
    X: Float32Array, n: number, lambda: number,
    warmStarts?: SparseCodes, stats?: ActiveSetStats, correlations?: Float32Array, relativeResiduals?: Float32Array,
  ): SparseVector[] {
    const { atoms: phi, atomCount: K, hiddenSize: d } = this.dictionary;
    if (X.length !== n * d) throw new Error(`X holds ${X.length} values, not ${n} × ${d}`);
    if (correlations && correlations.length !== n * K) throw new Error(`correlations hold ${correlations.length} values, not ${n} × ${K}`);
    if (warmStarts && warmStarts.offsets.length !== n + 1) throw new Error(`${warmStarts.offsets.length - 1} warm starts for ${n} rows`);
    const blockRows = 64;
    const b = new Float64Array(Math.min(blockRows, n) * K);
    const rows: SparseVector[] = [];
    for (let row = 0; row < n; row += blockRows) {
      const m = Math.min(blockRows, n - row);
      // b = Φᵀx for every row of the block at once.
      if (!correlations) multiplyTransposed(X.subarray(row * d, (row + m) * d), phi, b, m, K, d);
      for (let r = 0; r < m; r++) {
        const i = row + r;
        let xx = 0;
        for (let h = 0; h < d; h++) xx += X[i * d + h] ** 2;
        const warm = warmStarts && codeRow(warmStarts, i);
        const bi = correlations ? correlations.subarray(i * K, (i + 1) * K) : b.subarray(r * K, (r + 1) * K);
        const code = this.solver.solve(bi, Math.sqrt(xx), lambda, warm, stats);
        if (relativeResiduals) relativeResiduals[i] = xx > 0 ? Math.sqrt(this.solver.residualSquared(code, xx) / xx) : 0;
        rows.push(code);
      }
    }
    return rows;
  }
}
