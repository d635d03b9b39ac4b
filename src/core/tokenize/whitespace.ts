/** A run of characters that are not white space: JS `\s` (tab, CR, LF, NBSP, U+2028, U+3000, BOM…) or U+0085. */
const WORD = /[^\s\u0085]+/gu;

export interface Word {
  text: string;
  start: number;
}

/** The white-space-separated words of a text with their UTF-16 offsets, in order. */
export function* words(text: string): Generator<Word> {
  for (const match of text.matchAll(WORD)) yield { text: match[0], start: match.index };
}

/**
 * What the model reads of a document: its words joined by single spaces, so every run of white
 * space (newlines, CRLF, tabs, NBSP…) is one word boundary, and none at either end.
 */
export function collapseWhitespace(text: string): string {
  return text.match(WORD)?.join(' ') ?? '';
}
