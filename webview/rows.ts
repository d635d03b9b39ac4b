/** Visual rows of a text: [starts[i], ends[i]) without the line break. */
export interface Rows {
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * Splits text into rows of at most `width` characters: at line breaks, and inside long lines
 * after the last space that fits (or mid-word when a word is longer than a row). Rows of equal
 * height let the view render only the rows on screen.
 */
export function wrapRows(text: string, width: number): Rows {
  const w = Math.max(8, Math.floor(width));
  const starts: number[] = [];
  const ends: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let start = lineStart;
    while (contentEnd - start > w) {
      let end = text.lastIndexOf(' ', start + w);
      end = end > start ? end + 1 : start + w;
      starts.push(start);
      ends.push(end);
      start = end;
    }
    starts.push(start);
    ends.push(contentEnd);
    lineStart = lineEnd + 1;
  }
  return { starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** The first index i with ends[i] > offset (tokens and rows are sorted). */
export function firstEndingAfter(ends: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The row holding character `offset`: the last row starting at or before it. */
export function rowOf(rows: Rows, offset: number): number {
  let lo = 0;
  let hi = rows.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows.starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}
