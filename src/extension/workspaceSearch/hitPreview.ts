/** Characters of the line shown on each side of a hit. */
const SIDE = 48;

/** A hit's line (1-based) and the text around it on that line, cut to a readable width. */
export function hitPreview(text: string, start: number, end: number): { line: number; before: string; token: string; after: string } {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const beforeStart = Math.max(lineStart, start - SIDE);
  const afterEnd = Math.min(lineEnd, end + SIDE);
  return {
    line,
    before: (beforeStart > lineStart ? '…' : '') + text.slice(beforeStart, start).replace(/^\s+/, ''),
    token: text.slice(start, end),
    after: text.slice(end, afterEnd).replace(/\s+$/, '') + (afterEnd < lineEnd ? '…' : ''),
  };
}
