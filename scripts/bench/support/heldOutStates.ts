import { encodeDocument } from '../../../src/core/encode/documentEncoder';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { loadModel } from '../../../src/core/model/loadedModel';
import { heldOutText } from './heldOutText';

/**
 * The bundled model's hidden states of a held-out Brown document of about `tokens` tokens, as the
 * engine encodes it: one entry per model run, holding one [tokens × hidden] matrix per depth.
 */
export async function heldOutStates(tokens: number): Promise<Float32Array[][]> {
  const model = await loadModel(bundledModelDir());
  try {
    const text = heldOutText(model.tokenizer, tokens);
    const runs: Float32Array[][] = [];
    for await (const chunk of encodeDocument(model.encoder, model.tokenizer.tokenize(text), text)) runs.push(chunk.states);
    return runs;
  } finally {
    await model.encoder.dispose();
  }
}

/** The parts one after another in one array. */
export function concatFloats(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
