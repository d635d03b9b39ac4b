import type { LayerCoder } from '../decompose/decomposeDocument';
import { encodeDocument } from '../encode/documentEncoder';
import type { LoadedModel } from '../model/loadedModel';

export interface FactorHit {
  /** Character offsets of the token in the text. */
  start: number;
  end: number;
  coefficient: number;
}

export interface ScanOptions {
  /** Hits kept, strongest first (default 20). */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * Where one factor fires most in a text: the text is encoded window by window as for a
 * decomposition, but only the asked layer is coded, and only the strongest tokens are kept.
 */
export async function scanFactor(model: LoadedModel, code: LayerCoder, text: string, factor: number, layer: number, options: ScanOptions = {}): Promise<{ hits: FactorHit[]; tokens: number }> {
  const { limit = 20, signal } = options;
  const tokens = model.tokenizer.tokenize(text);
  const hidden = model.info.hiddenSize;
  const hits: FactorHit[] = [];
  for await (const chunk of encodeDocument(model.encoder, tokens, text, { signal, batchSize: 4 })) {
    const states = chunk.states[layer];
    const codes = await code(states, states.length / hidden);
    for (let r = 0; r < chunk.tokenEnd - chunk.tokenStart; r++) {
      for (let j = codes.offsets[r]; j < codes.offsets[r + 1]; j++) {
        if (codes.indices[j] !== factor) continue;
        const token = tokens[chunk.tokenStart + r];
        keepStrongest(hits, { start: token.start, end: token.end, coefficient: codes.values[j] }, limit);
      }
    }
  }
  return { hits, tokens: tokens.length };
}

/** Inserts a hit into a list kept sorted by coefficient (strongest first) and at most `limit` long. */
export function keepStrongest<T extends { coefficient: number }>(hits: T[], hit: T, limit: number): void {
  if (hits.length >= limit && hit.coefficient <= hits[hits.length - 1].coefficient) return;
  let at = hits.length;
  while (at > 0 && hits[at - 1].coefficient < hit.coefficient) at--;
  hits.splice(at, 0, hit);
  if (hits.length > limit) hits.pop();
}
