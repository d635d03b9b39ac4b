import { tokenAtOffset, wordPieces } from '../../core/tokenize/tokenAtOffset';
import type { PartialDecomposition } from '../engine/partialDecomposition';
import type { FactorNames } from '../state/factorLabels';
import { hoverMarkdown, type HoverInput } from './hoverMarkdown';

export interface HoverContentOptions {
  /** Factors listed per layer. */
  factorsShown: number;
  name: (factor: number) => FactorNames;
  commands: HoverInput['commands'];
}

/**
 * The hover for the token at a character offset of the analysed text: each layer's strongest
 * factors, and the other pieces of the word when the token is part of one. Undefined where
 * there is no token, or it is not decomposed yet.
 */
export function hoverContent(partial: PartialDecomposition, offset: number, options: HoverContentOptions): { token: number; markdown: string } | undefined {
  const token = tokenAtOffset(partial.tokens, offset);
  if (token < 0 || !partial.has(token)) return undefined;
  const { first, last } = wordPieces(partial.tokens, token);
  const pieces = partial.tokens.slice(first, last + 1).map((t) => t.text);
  const markdown = hoverMarkdown({
    tokenText: partial.tokens[token].text,
    wordPieces: pieces,
    layers: partial.layers.map((layer, l) => ({
      layer,
      active: partial.activeCount(l, token),
      relativeResidual: partial.relativeResidual(l, token) ?? 1,
      factors: (partial.factorsAt(l, token) ?? []).slice(0, options.factorsShown).map((f) => ({ id: f.id, coefficient: f.coefficient, ...options.name(f.id) })),
    })),
    commands: options.commands,
  });
  return { token, markdown };
}
