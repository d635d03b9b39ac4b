/**
 * One model token of a text. [start, end) are UTF-16 indexes into the original text (what
 * `document.positionAt` takes) and `text` is exactly `originalText.slice(start, end)`: it may
 * be empty for a token with no characters of its own (see ModelTokenizer.tokenize).
 */
export interface Token {
  id: number;
  text: string;
  start: number;
  end: number;
}
