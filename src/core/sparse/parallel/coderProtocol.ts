import type { SparseCodes } from '../sparseCodes';

/** What every coder worker starts with (workerData). */
export interface CoderWorkerData {
  /** Φᵀ row-major [atomCount × hiddenSize], the worker's own copy (ONNX Runtime refuses tensors on shared memory). */
  atoms: Float32Array;
  atomCount: number;
  hiddenSize: number;
  /** G = ΦᵀΦ [atomCount × atomCount] on a SharedArrayBuffer, not cloned per worker (its solver copies it into WebAssembly memory). */
  gram: Float32Array;
}

/** Code the n rows of X ([n × hidden], its buffer transferred) with penalty λ. */
export interface CodeRequest {
  id: number;
  X: Float32Array;
  n: number;
  lambda: number;
}

export type CodeReply =
  | { id: number; codes: SparseCodes }
  | { id: number; error: string };
