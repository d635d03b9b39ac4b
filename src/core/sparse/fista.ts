import type { Dictionary } from '../dictionary/dictionary';
import { multiplyTransposed, subtractProduct } from './kernels';
import { largestEigenvalue } from './largestEigenvalue';

export interface FistaOptions {
  /** The paper runs 500 iterations in training and inference. */
  iterations?: number;
  /** L, the largest eigenvalue of ΦᵀΦ, if already known (it is computed otherwise). */
  lipschitz?: number;
  /** Rows coded together (they are independent; a block keeps y, α and R in cache). */
  blockRows?: number;
}

export interface FistaResult {
  /** Dense codes α, row-major [n × K]. */
  alpha: Float32Array;
  /** R = X − Φα, row-major [n × hidden]. */
  residual: Float32Array;
  lipschitz: number;
}

/**
 * The paper's sparse coding: min_α ½‖x − Φα‖² + λ‖α‖₁, α ≥ 0, for every row x of X
 * ([n × hidden], row-major), by non-negative FISTA with the fixed step η = 1/L from α = 0.
 */
export function fistaNonNegative(dictionary: Dictionary, X: Float32Array, n: number, lambda: number, options: FistaOptions = {}): FistaResult {
  const { atomCount: K, hiddenSize: d } = dictionary;
  if (X.length !== n * d) throw new Error(`X holds ${X.length} values, not ${n} × ${d}`);
  const iterations = options.iterations ?? 500;
  const lipschitz = options.lipschitz ?? largestEigenvalue(dictionary);
  const blockRows = options.blockRows ?? 64;
  const alpha = new Float32Array(n * K);
  const residual = new Float32Array(n * d);
  for (let row = 0; row < n; row += blockRows) {
    const m = Math.min(blockRows, n - row);
    const block = fistaBlock(dictionary, X.subarray(row * d, (row + m) * d), m, lambda, iterations, 1 / lipschitz);
    alpha.set(block.alpha, row * K);
    residual.set(block.residual, row * d);
  }
  return { alpha, residual, lipschitz };
}

function fistaBlock(dictionary: Dictionary, X: Float32Array, m: number, lambda: number, iterations: number, eta: number) {
  const { atoms: phi, atomCount: K, hiddenSize: d } = dictionary;
  const y = new Float32Array(m * K);
  let alpha = new Float32Array(m * K);
  let alphaOld = new Float32Array(m * K);
  const R = new Float32Array(m * d);
  const shrink = eta * lambda;
  let t = 1;
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Paper FISTA step: R = X − Φy; y ← y + η ΦᵀR; α = max(y − ηλ, 0);
    // t' = (1 + √(1 + 4t²))/2; y ← α + ((t − 1)/t')(α − α_old).
    subtractProduct(X, y, phi, R, m, K, d);
    multiplyTransposed(R, phi, y, m, K, d, eta, true);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    [alpha, alphaOld] = [alphaOld, alpha];
    for (let i = 0; i < m * K; i++) {
      const a = Math.max(y[i] - shrink, 0);
      alpha[i] = a;
      y[i] = a + momentum * (a - alphaOld[i]);
    }
    t = tNext;
  }
  subtractProduct(X, alpha, phi, R, m, K, d);
  return { alpha, residual: R };
}
