import type { InferenceSession } from 'onnxruntime-node';

/** Session options shared by every ONNX Runtime session of the engine. */
export function onnxSessionOptions(intraOpThreads?: number): InferenceSession.SessionOptions {
  const options: InferenceSession.SessionOptions = { graphOptimizationLevel: 'all' };
  if (intraOpThreads) options.intraOpNumThreads = intraOpThreads;
  return options;
}
