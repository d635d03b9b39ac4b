/** A text change as the editor reports it: characters [offset, offset + length) replaced by `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * Where a pinned token's characters are after edits: edits before it shift it, edits after it
 * leave it, and an edit that overlaps it keeps it at the edit's start (the token was rewritten;
 * its place in the text is what stays pinned). Changes are those of one event, each relative to
 * the text before the event, as VS Code reports them.
 */
export function shiftRange(range: { start: number; end: number }, changes: readonly TextChange[]): { start: number; end: number } {
  let { start, end } = range;
  // Apply from the last change to the first, so earlier offsets stay valid.
  for (const change of [...changes].sort((a, b) => b.offset - a.offset)) {
    const changeEnd = change.offset + change.length;
    const delta = change.text.length - change.length;
    if (changeEnd <= start) {
      start += delta;
      end += delta;
    } else if (change.offset >= end) {
      continue;
    } else {
      const newStart = Math.min(start, change.offset);
      const newEnd = Math.max(newStart, end <= changeEnd ? change.offset + change.text.length : end + delta);
      start = newStart;
      end = newEnd;
    }
  }
  return { start, end };
}
