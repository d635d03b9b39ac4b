import type { Dictionary } from '../dictionary/dictionary';
import type { OnnxMatMul } from './onnxMatMul';
import { sharedCopy } from './parallel/sharedArrays';

/**
 * G = ΦᵀΦ ([K × K] float32) on ONNX Runtime's GEMM — several times faster than the JavaScript
 * gramMatrix (gram.ts), equal to it within float32 rounding — in a SharedArrayBuffer, so that
 * posting it to the coder worker threads clones nothing (each solver still copies it into its
 * own WebAssembly memory, where its SIMD gradient reads it).
 */
export async function onnxGramMatrix(matMul: OnnxMatMul, dictionary: Dictionary): Promise<Float32Array> {
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  return sharedCopy(await matMul.multiplyTransposed(atoms, K, atoms, K, d));
}
