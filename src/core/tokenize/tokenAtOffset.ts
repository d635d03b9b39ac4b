import type { Token } from './token';

/**
 * The index of the token under a character offset (a hover position), or -1. An offset at a
 * token's end still counts when no token starts there, so hovering just after a word works.
 */
export function tokenAtOffset(tokens: readonly Token[], offset: number): number {
  // The rightmost token starting at or before the offset; a zero-width piece (a lone "▁")
  // shares its start with the word after it, so the word wins, and bare pieces are skipped.
  let lo = 0;
  let hi = tokens.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start <= offset) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (i >= 0 && tokens[i].end === tokens[i].start) i--;
  return i >= 0 && offset <= tokens[i].end ? i : -1;
}

/** The tokens that make up the same word as token i: neighbours with no gap between them. */
export function wordPieces(tokens: readonly Token[], i: number): { first: number; last: number } {
  let first = i;
  let last = i;
  while (first > 0 && tokens[first - 1].end === tokens[first].start && tokens[first].end > tokens[first].start) first--;
  while (last + 1 < tokens.length && tokens[last].end === tokens[last + 1].start && tokens[last + 1].end > tokens[last + 1].start) last++;
  return { first, last };
}
