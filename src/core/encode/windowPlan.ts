/**
 * A slice of the token sequence given to the model at once. Tokens in [ownStart, ownEnd) take
 * their hidden states from this window; the rest is context on either side.
 */
export interface Window {
  start: number;
  end: number;
  ownStart: number;
  ownEnd: number;
}

export interface WindowOptions {
  maxLength: number;
  /** Tokens of context wanted on each side of a window's own tokens. */
  context: number;
}

/**
 * Splits `count` tokens into windows of at most maxLength tokens. Own ranges tile the sequence
 * exactly once, are cut at sentence ends where possible (a sentence longer than the own size is
 * cut where it must be), and each window adds up to `context` tokens on both sides, starting
 * the left context at a sentence start when one is near.
 */
export function planWindows(count: number, ends: readonly boolean[], options: WindowOptions): Window[] {
  const { maxLength } = options;
  if (count === 0) return [];
  if (count <= maxLength) return [{ start: 0, end: count, ownStart: 0, ownEnd: count }];
  const context = Math.min(options.context, Math.floor((maxLength - 1) / 4));
  const ownSize = maxLength - 2 * context;
  const windows: Window[] = [];
  let ownStart = 0;
  while (ownStart < count) {
    const limit = Math.min(count, ownStart + ownSize);
    let ownEnd = limit;
    if (limit < count) {
      for (let i = limit - 1; i >= ownStart; i--) {
        if (ends[i]) { ownEnd = i + 1; break; }
      }
    }
    let start = Math.max(0, ownStart - context);
    for (let i = start; i < ownStart; i++) {
      if (i > 0 && ends[i - 1]) { start = i; break; }
    }
    // ownEnd − start ≤ ownSize + context, so the window never exceeds maxLength.
    windows.push({ start, end: Math.min(count, ownEnd + context), ownStart, ownEnd });
    ownStart = ownEnd;
  }
  return windows;
}
