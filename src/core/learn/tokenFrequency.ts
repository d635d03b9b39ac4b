import type { TextTokenizer } from '../tokenize/textTokenizer';

/** How often each vocabulary id occurs in a corpus: the paper reweights residuals by 1/√count. */
export function countTokens(tokenizer: TextTokenizer, texts: Iterable<string>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (const token of tokenizer.tokenize(text)) counts.set(token.id, (counts.get(token.id) ?? 0) + 1);
  }
  return counts;
}
