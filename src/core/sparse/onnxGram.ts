import type { Dictionary } from '../dictionary/dictionary';
import type { OnnxMatMul } from './onnxMatMul';
import { sharedCopy } from './parallel/sharedArrays';

/**
 * G = ΦᵀΦ ([K × K] float32) on ONNX Runtime's GEMM — several times faster than the JavaScript
 * gramMatrix (gram.ts), equal to it within float32 rounding — in a SharedArrayBuffer, so that
 * coder worker threads read the same 16 MB (K = 2048) instead of a copy each.
 */
export async function onnxGramMatrix(matMul: OnnxMatMul, dictionary: Dictionary): Promise<Float32Array> {
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  return sharedCopy(await matMul.multiplyTransposed(atoms, K, atoms, K, d));
}
