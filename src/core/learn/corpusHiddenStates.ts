import { encodeDocument } from '../encode/documentEncoder';
import type { LoadedModel } from '../model/loadedModel';
import type { Token } from '../tokenize/token';

/** Hidden states of a group of corpus texts: every token at every chosen layer. */
export interface HiddenStateBatch {
  /** Row-major [count × hidden]. */
  vectors: Float32Array;
  /** The vocabulary id of each row's token. */
  tokenIds: Int32Array;
  /** The layer index (into the model's layers) of each row. */
  layers: Uint8Array;
  count: number;
  /** Tokens (not rows) in this batch. */
  tokens: number;
}

/**
 * Runs the model over texts, `textsPerBatch` at a time, and yields all their tokens' hidden
 * states at the chosen layers (the paper collects every non-padding token at each depth).
 */
export async function* corpusHiddenStates(
  model: LoadedModel,
  texts: Iterable<string>,
  options: { textsPerBatch: number; layers: number[]; signal?: AbortSignal },
): AsyncGenerator<HiddenStateBatch> {
  let group: string[] = [];
  for (const text of texts) {
    group.push(text);
    if (group.length === options.textsPerBatch) {
      yield await encodeGroup(model, group, options);
      group = [];
    }
  }
  if (group.length) yield await encodeGroup(model, group, options);
}

async function encodeGroup(model: LoadedModel, texts: string[], options: { layers: number[]; signal?: AbortSignal }): Promise<HiddenStateBatch> {
  const d = model.info.hiddenSize;
  const tokenized: Array<{ text: string; tokens: Token[] }> = texts.map((text) => ({ text, tokens: model.tokenizer.tokenize(text) }));
  const tokens = tokenized.reduce((sum, t) => sum + t.tokens.length, 0);
  const count = tokens * options.layers.length;
  const vectors = new Float32Array(count * d);
  const tokenIds = new Int32Array(count);
  const layers = new Uint8Array(count);
  let row = 0;
  for (const { text, tokens: textTokens } of tokenized) {
    for await (const chunk of encodeDocument(model.encoder, textTokens, text, { signal: options.signal })) {
      for (const layer of options.layers) {
        const states = chunk.states[layer];
        vectors.set(states, row * d);
        for (let t = chunk.tokenStart; t < chunk.tokenEnd; t++, row++) {
          tokenIds[row] = textTokens[t].id;
          layers[row] = layer;
        }
      }
    }
  }
  return { vectors, tokenIds, layers, count, tokens };
}
