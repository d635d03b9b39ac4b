import type { Token } from '../tokenize/token';

const SENTENCE_END = /[.!?…:;]["'”’)\]]*$/u;

/**
 * Marks the tokens after which a new sentence may start: sentence-final punctuation followed
 * by white space, or any line break (lines are the natural units of code and lists).
 */
export function sentenceEnds(tokens: readonly Token[], text: string): boolean[] {
  return tokens.map((token, i) => {
    if (i === tokens.length - 1) return true;
    const gap = text.slice(token.end, tokens[i + 1].start);
    if (gap.includes('\n') || gap.includes('\r')) return true;
    return gap.length > 0 && /\s/u.test(gap) && SENTENCE_END.test(token.text);
  });
}
