import { relativeResidual } from '../sparse/objective';
import { codeRow, type SparseCodes } from '../sparse/sparseCodes';
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
export type LayerCoder = (X: Float32Array, n: number) => SparseCodes | Promise<SparseCodes>;

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
    // Every depth at once: a coder on worker threads codes them side by side.
    const coded = await Promise.all(chunk.states.map((X) => code(X, X.length / d)));
    yield { tokenStart: chunk.tokenStart, tokenEnd: chunk.tokenEnd, states: chunk.states, ...withResiduals(dictionary, chunk.states, coded) };
  }
}

/**
 * Codes and their rows' relative residuals, kept apart: the coder's own when it worked them out
 * (SparseCodes.relativeResiduals), otherwise reconstructed here.
 */
export function withResiduals(dictionary: Dictionary, states: readonly Float32Array[], coded: readonly SparseCodes[]): { codes: SparseCodes[]; relativeResiduals: Float32Array[] } {
  const codes = coded.map(({ offsets, indices, values }) => ({ offsets, indices, values }));
  return { codes, relativeResiduals: coded.map((c, layer) => c.relativeResiduals ?? relativeResiduals(dictionary, states[layer], c)) };
}

/** ‖x − Φα‖ / ‖x‖ for every row. */
export function relativeResiduals(dictionary: Dictionary, X: Float32Array, codes: SparseCodes): Float32Array {
  const d = dictionary.hiddenSize;
  return Float32Array.from({ length: X.length / d }, (_, i) => relativeResidual(X.subarray(i * d, (i + 1) * d), dictionary, codeRow(codes, i)));
}
