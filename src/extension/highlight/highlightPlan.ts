import { bucketActivations, maxOf } from '../../core/decompose/activationBuckets';
import { tokenAtOffset, wordPieces } from '../../core/tokenize/tokenAtOffset';
import type { Token } from '../../core/tokenize/token';
import type { PartialDecomposition } from '../engine/partialDecomposition';

/** Character offsets [start, end) in the analysed text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface FactorPlan {
  /** spans[b − 1]: the tokens in intensity bucket b of `levels`. */
  spans: TextSpan[][];
  /** The coefficient that counts as full intensity. */
  scale: number;
  /** Tokens on which the factor is active, among those decomposed. */
  firing: number;
}

/**
 * The tokens to shade for one factor at one layer, bucketed by activation relative to `scale`
 * (the factor's largest coefficient in the catalog corpus when known, else in this document),
 * so a factor is shaded the same way as the document fills up and across documents.
 */
export function planFactor(partial: PartialDecomposition, layer: number, factor: number, levels: number, catalogMax?: number): FactorPlan & { activations: Float32Array } {
  const activations = partial.activations(layer, factor);
  const scale = catalogMax && catalogMax > 0 ? catalogMax : maxOf(activations);
  const buckets = bucketActivations(activations, levels, scale);
  const spans: TextSpan[][] = Array.from({ length: levels }, () => []);
  let firing = 0;
  partial.tokens.forEach((token, t) => {
    if (activations[t] > 0) firing++;
    if (buckets[t] > 0 && token.end > token.start) spans[buckets[t] - 1].push({ start: token.start, end: token.end });
  });
  return { spans, scale, firing, activations };
}

export interface StrongestGroup {
  factor: number;
  /** Tokens on which this factor is the strongest. */
  spans: TextSpan[];
}

/**
 * Each token's strongest factor at a layer, grouped: the `colours` factors that are strongest
 * on the most tokens get a colour each (ties to the lower id); the others are left unshaded.
 */
export function planStrongest(partial: PartialDecomposition, layer: number, colours: number): { groups: StrongestGroup[]; others: number } {
  const { factors } = partial.strongest(layer);
  const counts = new Map<number, number>();
  for (const f of factors) if (f >= 0) counts.set(f, (counts.get(f) ?? 0) + 1);
  const chosen = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, colours).map(([f]) => f);
  const groupOf = new Map(chosen.map((factor, i) => [factor, i]));
  const groups: StrongestGroup[] = chosen.map((factor) => ({ factor, spans: [] }));
  let others = 0;
  partial.tokens.forEach((token, t) => {
    const g = groupOf.get(factors[t]);
    if (g === undefined) {
      if (factors[t] >= 0) others++;
    } else if (token.end > token.start) {
      groups[g].spans.push({ start: token.start, end: token.end });
    }
  });
  return { groups, others };
}

/**
 * Where a legend label goes for a highlighted span: just after the whole word its first token
 * belongs to, so a label never splits a word that the tokenizer cut into pieces.
 */
export function labelAnchor(tokens: readonly Token[], span: TextSpan): TextSpan {
  const i = tokenAtOffset(tokens, span.start);
  if (i < 0) return { start: span.end, end: span.end };
  const end = Math.max(span.end, tokens[wordPieces(tokens, i).last].end);
  return { start: end, end };
}
