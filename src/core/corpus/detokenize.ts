/**
 * Joins corpus tokens into natural English, with where each token landed: no space before
 * , . ; : ? ! ) ] } closing quotes and clitics ('s n't …), none after ( [ { and opening quotes.
 * `` and '' (the corpus's opening and closing double quotes) are written as a straight ".
 * A lone ' is a single quote, taken as opening and closing in turn within the text.
 */
export interface Detokenized {
  text: string;
  /** [start, end) of each token's surface form in `text`. */
  spans: Array<[number, number]>;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', '}', "''", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '``']);
const CLITIC = /^(?:'(?:s|re|ve|ll|d|m)|n't)$/i;

export function surfaceForm(token: string): string {
  return token === '``' || token === "''" ? '"' : token;
}

export function detokenize(tokens: readonly string[]): Detokenized {
  let text = '';
  const spans: Array<[number, number]> = [];
  let glueNext = true;
  let singleQuoteOpen = false;
  for (const token of tokens) {
    let opens = NO_SPACE_AFTER.has(token);
    let closes = NO_SPACE_BEFORE.has(token) || CLITIC.test(token);
    if (token === "'") {
      opens = !singleQuoteOpen;
      closes = singleQuoteOpen;
      singleQuoteOpen = !singleQuoteOpen;
    }
    if (!glueNext && !closes) text += ' ';
    const start = text.length;
    text += surfaceForm(token);
    spans.push([start, text.length]);
    glueNext = opens;
  }
  return { text, spans };
}
