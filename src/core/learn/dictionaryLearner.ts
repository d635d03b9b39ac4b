import type { Dictionary } from '../dictionary/dictionary';
import { denseToSparseCodes, type SparseCodes } from '../sparse/sparseCodes';

/** Codes a batch X ([n × hidden], row-major) against Φ: non-negative α, dense [n × K] or sparse rows. */
export type BatchCoder = (dictionary: Dictionary, X: Float32Array, n: number, lambda: number) => BatchCodes | Promise<BatchCodes>;
export type BatchCodes = Float32Array | SparseCodes;

export interface LearnerSettings {
  lambda: number;
  /** The paper's basis learning rate (0.005). */
  learningRate: number;
  /** Window of the running activation statistics (300 batches in the paper). */
  statisticsWindow: number;
  /** Added to the Hessian diagonal before dividing (0.001 in the paper). */
  hessianFloor: number;
}

export const PAPER_SETTINGS: Omit<LearnerSettings, 'lambda'> = { learningRate: 0.005, statisticsWindow: 300, hessianFloor: 0.001 };

/** Running state of the paper's dictionary learning, small enough to checkpoint as JSON. */
export interface LearnerState {
  batches: number;
  vectors: number;
  /** Running mean of α² per atom: the diagonal of the Hessian of ½‖x − Φα‖² w.r.t. Φ. */
  hessianDiagonal: number[];
  /** Running mean of |α| per atom. */
  activationL1: number[];
  /** Running ‖X‖² and ‖R‖² per batch, for the reconstruction SNR. */
  signalEnergy: number;
  noiseEnergy: number;
}

export interface BatchReport {
  /** Reconstruction SNR of this batch in dB: 10·log10(‖X‖² / ‖R‖²). */
  snrDb: number;
  meanActive: number;
}

/**
 * One step of Yun et al.'s dictionary learning on a batch (paper-method.md, "Dictionary learning"):
 * α = argmin ½‖X − Φα‖² + λ‖α‖₁ (α ≥ 0); R = X − Φα; running H = E[α²], E[|α|];
 * each residual divided by √(count of its token); dΦ = η·(R αᵀ / batch) ÷ (H + floor), per
 * atom; Φ ← Φ + dΦ; every atom renormalised to unit norm.
 */
export class DictionaryLearner {
  constructor(
    readonly dictionary: Dictionary,
    readonly settings: LearnerSettings,
    private readonly coder: BatchCoder,
    readonly state: LearnerState = emptyState(dictionary.atomCount),
  ) {}

  async step(X: Float32Array, n: number, tokenCounts: Float32Array): Promise<BatchReport> {
    const { atoms, atomCount: K, hiddenSize: d } = this.dictionary;
    const { lambda, learningRate, statisticsWindow: w, hessianFloor } = this.settings;
    const coded = await this.coder(this.dictionary, X, n, lambda);
    const alpha = coded instanceof Float32Array ? denseToSparseCodes(coded, n, K) : coded;
    const { offsets, indices, values } = alpha;

    const residual = reconstructionResidual(this.dictionary, X, n, alpha);
    let signal = 0;
    let noise = 0;
    for (let i = 0; i < n * d; i++) {
      signal += X[i] * X[i];
      noise += residual[i] * residual[i];
    }

    const meanSquare = new Float64Array(K);
    const meanAbs = new Float64Array(K);
    for (let j = 0; j < offsets[n]; j++) {
      meanSquare[indices[j]] += values[j] * values[j];
      meanAbs[indices[j]] += values[j];
    }
    const { hessianDiagonal: H, activationL1 } = this.state;
    for (let k = 0; k < K; k++) {
      H[k] = ((w - 1) * H[k] + meanSquare[k] / n) / w;
      activationL1[k] = ((w - 1) * activationL1[k] + meanAbs[k] / n) / w;
    }
    this.state.signalEnergy = ((w - 1) * this.state.signalEnergy + signal / n) / w;
    this.state.noiseEnergy = ((w - 1) * this.state.noiseEnergy + noise / n) / w;

    // Word-frequency reweighting: frequent tokens must not dominate the basis update.
    for (let i = 0; i < n; i++) {
      const scale = 1 / Math.sqrt(Math.max(1, tokenCounts[i]));
      for (let h = 0; h < d; h++) residual[i * d + h] *= scale;
    }

    // dΦ[:, k] = η · (Σᵢ Rᵢ αᵢₖ / n) / (H[k] + floor). Atoms no token used get dΦ = 0 and stay
    // unit-norm, so only the used ones are updated and renormalised.
    const update = new Float32Array(K * d);
    const used = new Uint8Array(K);
    for (let i = 0; i < n; i++) {
      const r = residual.subarray(i * d, (i + 1) * d);
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        const k = indices[j];
        const a = values[j];
        used[k] = 1;
        const row = k * d;
        for (let h = 0; h < d; h++) update[row + h] += a * r[h];
      }
    }
    for (let k = 0; k < K; k++) {
      if (!used[k]) continue;
      const scale = learningRate / n / (H[k] + hessianFloor);
      const atom = atoms.subarray(k * d, (k + 1) * d);
      let squares = 0;
      for (let h = 0; h < d; h++) {
        atom[h] += scale * update[k * d + h];
        squares += atom[h] * atom[h];
      }
      if (squares > 0) {
        const norm = 1 / Math.sqrt(squares);
        for (let h = 0; h < d; h++) atom[h] *= norm;
      }
    }

    this.state.batches++;
    this.state.vectors += n;
    return { snrDb: 10 * Math.log10(signal / Math.max(noise, 1e-30)), meanActive: offsets[n] / n };
  }
}

export function emptyState(atomCount: number): LearnerState {
  return { batches: 0, vectors: 0, hessianDiagonal: new Array(atomCount).fill(0), activationL1: new Array(atomCount).fill(0), signalEnergy: 0, noiseEnergy: 0 };
}

/** R = X − Φα for a batch, with α as sparse rows. */
export function reconstructionResidual({ atoms, hiddenSize: d }: Dictionary, X: Float32Array, n: number, alpha: SparseCodes): Float32Array {
  const residual = Float32Array.from(X.subarray(0, n * d));
  for (let i = 0; i < n; i++) {
    const r = residual.subarray(i * d, (i + 1) * d);
    for (let j = alpha.offsets[i]; j < alpha.offsets[i + 1]; j++) {
      const a = alpha.values[j];
      const atom = atoms.subarray(alpha.indices[j] * d, (alpha.indices[j] + 1) * d);
      for (let h = 0; h < d; h++) r[h] -= a * atom[h];
    }
  }
  return residual;
}
