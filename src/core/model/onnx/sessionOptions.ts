import type { InferenceSession } from 'onnxruntime-node';

/** Set to 1 to let ONNX Runtime's threads spin between runs, as its default does (for comparison). */
export const ONNX_SPIN_VARIABLE = 'TRANSFORMER_FACTORS_ONNX_SPIN';

/**
 * Session options shared by every ONNX Runtime session of the engine. Its intra-op threads do not
 * spin-wait after a run: spinning threads took the cores from the coder threads that run next, and
 * a 1,000-token document decomposed ×1.1–1.4 faster without them, the model stage alone unchanged
 * (scripts/bench/engineThreads.ts).
 */
export function onnxSessionOptions(intraOpThreads?: number): InferenceSession.SessionOptions {
  const options: InferenceSession.SessionOptions = { graphOptimizationLevel: 'all' };
  if (intraOpThreads) options.intraOpNumThreads = intraOpThreads;
  if (process.env[ONNX_SPIN_VARIABLE] !== '1') options.extra = { session: { intra_op: { allow_spinning: '0' } } };
  return options;
}
