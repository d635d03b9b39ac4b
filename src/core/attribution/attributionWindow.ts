import { sentenceEnds } from '../encode/sentenceBoundaries';
import { planWindows, type Window } from '../encode/windowPlan';
import type { Token } from '../tokenize/token';

/**
 * The model window in which the token's hidden state is computed when its document is
 * decomposed (same plan as the document encoder), so an attribution explains exactly the
 * coefficient the editor shows.
 */
export function windowOfToken(tokens: readonly Token[], text: string, token: number, maxLength: number, context = 16): Window {
  const windows = planWindows(tokens.length, sentenceEnds(tokens, text), { maxLength, context });
  const window = windows.find((w) => token >= w.ownStart && token < w.ownEnd);
  if (!window) throw new RangeError(`token ${token} is not one of the ${tokens.length} tokens`);
  return window;
}

/** The token covering character `offset` (the first one starting at or after it when none covers it). */
export function tokenAtCharacter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, tokens.length - 1);
}
