import type { SparseCodes } from '../sparse/sparseCodes';
import type { Dictionary } from '../dictionary/dictionary';
import { encodeDocument, type DocumentEncodeOptions } from '../encode/documentEncoder';
import type { LoadedModel } from '../model/loadedModel';
import type { Token } from '../tokenize/token';

/** Sparse codes of consecutive tokens [tokenStart, tokenEnd) at every layer. */
export interface DecomposedChunk {
  tokenStart: number;
  tokenEnd: number;
  /** Per layer: the hidden states that were coded, row-major [tokens × hidden]. */
  states: Float32Array[];
  /** Per layer: CSR rows, one per token of the chunk. */
  codes: SparseCodes[];
  /** Per layer: ‖x − Φα‖ / ‖x‖ for each token, over all its non-zero coefficients. */
  relativeResiduals: Float32Array[];
}

/** Codes n row-major hidden states [n × hidden] into sparse non-negative codes, one row each. */
export type LayerCoder = (X: Float32Array, n: number) => SparseCodes;

/**
 * text → tokens → hidden states per layer → sparse codes, streamed window batch by window
 * batch so that only sparse codes outlive a chunk, whatever the document's length.
 */
export async function* decomposeDocument(
  model: LoadedModel,
  dictionary: Dictionary,
  code: LayerCoder,
  tokens: readonly Token[],
  text: string,
  options: DocumentEncodeOptions = {},
): AsyncGenerator<DecomposedChunk> {
  const d = model.info.hiddenSize;
  for await (const chunk of encodeDocument(model.encoder, tokens, text, options)) {
    const codes = chunk.states.map((X) => code(X, X.length / d));
    yield {
      tokenStart: chunk.tokenStart,
      tokenEnd: chunk.tokenEnd,
      states: chunk.states,
      codes,
      relativeResiduals: chunk.states.map((X, layer) => relativeResiduals(dictionary, X, codes[layer])),
    };
  }
}

/** ‖x − Φα‖ / ‖x‖ for every row. */
export function relativeResiduals({ atoms, hiddenSize: d }: Dictionary, X: Float32Array, codes: SparseCodes): Float32Array {
  const n = X.length / d;
  const out = new Float32Array(n);
  const r = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let xx = 0;
    for (let h = 0; h < d; h++) {
      r[h] = X[i * d + h];
      xx += r[h] * r[h];
    }
    for (let j = codes.offsets[i]; j < codes.offsets[i + 1]; j++) {
      const base = codes.indices[j] * d;
      const c = codes.values[j];
      for (let h = 0; h < d; h++) r[h] -= c * atoms[base + h];
    }
    let rr = 0;
    for (let h = 0; h < d; h++) rr += r[h] * r[h];
    out[i] = xx > 0 ? Math.sqrt(rr / xx) : 0;
  }
  return out;
}
