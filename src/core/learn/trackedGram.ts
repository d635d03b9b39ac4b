import type { Dictionary } from '../dictionary/dictionary';
import type { OnnxMatMul } from '../sparse/onnxMatMul';

/**
 * Keeps G = ΦᵀΦ current while Φ learns. A learning step changes only the atoms some token used,
 * so only those rows and columns of G are recomputed (changed·Φᵀ on ONNX Runtime) rather than all
 * K² entries: with K = 2048 and batches of 100 that is a small fraction of the atoms.
 */
export class TrackedGram {
  private gram?: Float32Array;
  private snapshot?: Float32Array;

  constructor(private readonly matMul: OnnxMatMul) {}

  async current({ atoms, atomCount: K, hiddenSize: d }: Dictionary): Promise<Float32Array> {
    if (!this.gram || !this.snapshot || this.snapshot.length !== atoms.length) {
      this.gram = await this.matMul.multiplyTransposed(atoms, K, atoms, K, d);
      this.snapshot = Float32Array.from(atoms);
      return this.gram;
    }
    const changed = changedAtoms(atoms, this.snapshot, K, d);
    if (changed.length === 0) return this.gram;
    if (changed.length > K / 2) {
      this.gram = await this.matMul.multiplyTransposed(atoms, K, atoms, K, d);
    } else {
      const rows = new Float32Array(changed.length * d);
      changed.forEach((k, r) => rows.set(atoms.subarray(k * d, (k + 1) * d), r * d));
      const block = await this.matMul.multiplyTransposed(rows, changed.length, atoms, K, d);
      const G = this.gram;
      changed.forEach((k, r) => {
        for (let j = 0; j < K; j++) {
          G[k * K + j] = block[r * K + j];
          G[j * K + k] = block[r * K + j];
        }
      });
    }
    this.snapshot.set(atoms);
    return this.gram;
  }
}

function changedAtoms(atoms: Float32Array, before: Float32Array, K: number, d: number): number[] {
  const changed: number[] = [];
  for (let k = 0; k < K; k++) {
    for (let h = k * d; h < (k + 1) * d; h++) {
      if (atoms[h] !== before[h]) {
        changed.push(k);
        break;
      }
    }
  }
  return changed;
}
