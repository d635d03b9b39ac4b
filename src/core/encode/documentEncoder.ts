import type { HiddenStateEncoder } from '../model/hiddenStateEncoder';
import type { Token } from '../tokenize/token';
import { sentenceEnds } from './sentenceBoundaries';
import { planWindows } from './windowPlan';

/** Hidden states of consecutive tokens [tokenStart, tokenEnd): per layer, row-major [n × hidden]. */
export interface EncodedChunk {
  tokenStart: number;
  tokenEnd: number;
  states: Float32Array[];
}

/** Windows per model run unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 8;

export interface DocumentEncodeOptions {
  /** Windows per model run: trades speed for memory (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** Context tokens on each side of a window's own tokens (default 16). */
  context?: number;
  signal?: AbortSignal;
}

/**
 * Streams the hidden states of every token of a document, window batch by window batch, in
 * token order. Memory is bounded by the batch of windows, whatever the document's length.
 */
export async function* encodeDocument(
  encoder: HiddenStateEncoder,
  tokens: readonly Token[],
  text: string,
  options: DocumentEncodeOptions = {},
): AsyncGenerator<EncodedChunk> {
  const { batchSize = DEFAULT_BATCH_SIZE, context = 16, signal } = options;
  const windows = planWindows(tokens.length, sentenceEnds(tokens, text), { maxLength: encoder.info.maxLength, context });
  const hidden = encoder.info.hiddenSize;
  for (let b = 0; b < windows.length; b += batchSize) {
    signal?.throwIfAborted();
    const batch = windows.slice(b, b + batchSize);
    const results = await encoder.run(batch.map((w) => tokens.slice(w.start, w.end).map((t) => t.id)));
    for (let i = 0; i < batch.length; i++) {
      const w = batch[i];
      const from = (w.ownStart - w.start) * hidden;
      const to = (w.ownEnd - w.start) * hidden;
      yield { tokenStart: w.ownStart, tokenEnd: w.ownEnd, states: results[i].map((layer) => layer.subarray(from, to)) };
    }
  }
}
