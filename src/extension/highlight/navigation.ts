import type { Token } from '../../core/tokenize/token';

/**
 * The next (or previous) token from a cursor offset whose activation reaches `threshold`,
 * wrapping around the document's end. "Next" means starting after the cursor; "previous" means
 * ending at or before it, so a cursor placed at a token's start moves on to the one before.
 */
export function findActivation(
  tokens: readonly Token[],
  activations: Float32Array,
  threshold: number,
  fromOffset: number,
  direction: 1 | -1,
): { token: number; wrapped: boolean } | undefined {
  const fires = (t: number) => activations[t] > 0 && activations[t] >= threshold && tokens[t].end > tokens[t].start;
  const n = tokens.length;
  if (direction === 1) {
    for (let t = 0; t < n; t++) if (tokens[t].start > fromOffset && fires(t)) return { token: t, wrapped: false };
    for (let t = 0; t < n; t++) if (fires(t)) return { token: t, wrapped: true };
  } else {
    for (let t = n - 1; t >= 0; t--) if (tokens[t].end <= fromOffset && fires(t)) return { token: t, wrapped: false };
    for (let t = n - 1; t >= 0; t--) if (fires(t)) return { token: t, wrapped: true };
  }
  return undefined;
}
