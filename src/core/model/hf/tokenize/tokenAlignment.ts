import type { NormalizedText } from './normalizedText';

/** How a tokenizer writes its tokens, read from its tokenizer.json (see tokenSpelling). */
export interface TokenSpelling {
  /** Byte-level BPE (GPT-2, RoBERTa): token characters stand for UTF-8 bytes. */
  byteLevel?: { decode: ReadonlyMap<string, number> };
  /** WordPiece's `##` (or a BPE's continuing_subword_prefix), not part of the text. */
  continuingPrefix?: string;
  /** A BPE's end_of_word_suffix such as `</w>`, not part of the text. */
  endOfWordSuffix?: string;
  /** SentencePiece's ▁ (Metaspace), standing for a space. */
  spaceMark?: string;
  /** The unknown token: it stands for whatever text lies between its neighbours. */
  unknown?: string;
}

export interface Span {
  start: number;
  end: number;
}

// A token not found right at the cursor is looked for this far ahead before giving up on it.
const SEARCH_AHEAD = 4096;
const SPACE = 0x20;

/**
 * The place in the original text of each token a tokenizer produced for it. Tokens are matched
 * in order against the normalised text (as UTF-8 bytes for byte-level tokenizers, else as
 * characters), skipping white space the tokens do not hold and marks the tokenizer added (a
 * leading Ġ or ▁); an unknown token takes the text up to the next token; a token that cannot be
 * matched gets an empty span where the text stands. Spans never overlap, never go backwards, and
 * leave out white space in front of a token's other characters (GPT-2's "Ġword" is "word").
 * When several tokens share one character (the bytes of an emoji), the first token gets the
 * character and the others an empty span at its end.
 */
export function alignTokens(text: NormalizedText, tokens: readonly string[], spelling: TokenSpelling, original: string): Span[] {
  const units = spelling.byteLevel ? utf8Units(text.normalized) : charUnits(text.normalized, spelling.spaceMark);
  const forms = new Map<string, Uint32Array[]>();
  const formsOf = (token: string): Uint32Array[] => {
    let found = forms.get(token);
    if (!found) forms.set(token, (found = surfaces(token, spelling)));
    return found;
  };
  const matched = matchTokens(units.values, tokens.map(formsOf), tokens.map((t) => t === spelling.unknown), Boolean(spelling.byteLevel));
  let covered = 0;
  return matched.map(([from, to]) => {
    if (to <= from) return { start: covered, end: covered };
    const first = units.source[from];
    const last = units.source[to - 1];
    let start = Math.max(covered, text.sourceStart[first]);
    const end = Math.max(start, text.sourceEnd[last]);
    // Leading white space stays out of a token that has other characters.
    let visible = start;
    while (visible < end && isSpace(original.charCodeAt(visible))) visible++;
    if (visible < end) start = visible;
    covered = end;
    return { start, end };
  });
}

interface Units {
  values: Uint32Array;
  /** For each unit, its index in the normalised text. */
  source: Uint32Array;
}

function charUnits(normalized: string, spaceMark: string | undefined): Units {
  const values = new Uint32Array(normalized.length);
  const source = new Uint32Array(normalized.length);
  for (let i = 0; i < normalized.length; i++) {
    values[i] = normalized[i] === spaceMark ? SPACE : normalized.charCodeAt(i);
    source[i] = i;
  }
  return { values, source };
}

function utf8Units(normalized: string): Units {
  const values: number[] = [];
  const source: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < normalized.length; ) {
    const char = String.fromCodePoint(normalized.codePointAt(i)!);
    for (const byte of encoder.encode(char)) {
      values.push(byte);
      source.push(i);
    }
    i += char.length;
  }
  return { values: Uint32Array.from(values), source: Uint32Array.from(source) };
}

/** The unit sequences a token may stand for in the text, most likely first. */
function surfaces(token: string, spelling: TokenSpelling): Uint32Array[] {
  const forms: string[] = [];
  const { continuingPrefix: prefix, endOfWordSuffix: suffix } = spelling;
  let core = token;
  if (suffix && core.endsWith(suffix) && core.length > suffix.length) core = core.slice(0, -suffix.length);
  if (prefix && core.startsWith(prefix) && core.length > prefix.length) forms.push(core.slice(prefix.length));
  forms.push(core);
  if (core !== token) forms.push(token);
  return forms.map((form) => (spelling.byteLevel ? bytesOf(form, spelling.byteLevel.decode) : charsOf(form, spelling.spaceMark)));
}

function bytesOf(token: string, decode: ReadonlyMap<string, number>): Uint32Array {
  const bytes: number[] = [];
  for (const char of token) {
    const byte = decode.get(char);
    if (byte !== undefined) bytes.push(byte);
    else bytes.push(...new TextEncoder().encode(char));
  }
  return Uint32Array.from(bytes);
}

function charsOf(token: string, spaceMark: string | undefined): Uint32Array {
  return Uint32Array.from({ length: token.length }, (_, i) => (token[i] === spaceMark ? SPACE : token.charCodeAt(i)));
}

// JavaScript's \s, and U+0085.
const isSpace = (unit: number): boolean => unit === SPACE || (unit >= 0x09 && unit <= 0x0d) || unit === 0xa0 || unit === 0x85 || unit === 0x1680 ||
  (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;

/** Unit ranges [from, to) of each token; empty ranges for tokens not found. */
function matchTokens(units: Uint32Array, tokenForms: Uint32Array[][], unknown: boolean[], byteLevel: boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  let pending: number[] = [];
  const settleUnknowns = (until: number) => {
    if (!pending.length) return;
    const pieces = wordPieces(units, ranges[pending[0]][0], until, byteLevel);
    pending.forEach((t, i) => {
      const last = i === pending.length - 1;
      if (i < pieces.length) ranges[t] = [pieces[i][0], last ? pieces[pieces.length - 1][1] : pieces[i][1]];
      else ranges[t] = [until, until];
    });
    pending = [];
  };
  tokenForms.forEach((forms, t) => {
    if (unknown[t]) {
      ranges.push([cursor, cursor]);
      pending.push(t);
      return;
    }
    for (const form of forms) {
      const at = matchAt(units, form, cursor, pending.length > 0);
      if (at) {
        settleUnknowns(at[0]);
        ranges.push(at);
        cursor = at[1];
        return;
      }
    }
    ranges.push([cursor, cursor]);
  });
  settleUnknowns(units.length);
  return ranges;
}

// How BERT's pre-tokenizer cuts words: runs of letters and digits, and every other character
// (punctuation, symbols, each CJK ideograph) alone; an unknown token stands for one of them.
const WORD_PIECE = /\p{Script=Han}|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** The unit ranges of the words in [from, to), for unknown tokens that follow one another. */
function wordPieces(units: Uint32Array, from: number, to: number, byteLevel: boolean): Array<[number, number]> {
  if (byteLevel) {
    while (from < to && isSpace(units[from])) from++;
    while (to > from && isSpace(units[to - 1])) to--;
    return from < to ? [[from, to]] : [];
  }
  let region = '';
  for (let at = from; at < to; at += 8192) region += String.fromCharCode(...units.subarray(at, Math.min(to, at + 8192)));
  return Array.from(region.matchAll(WORD_PIECE), (m): [number, number] => [from + m.index, from + m.index + m[0].length]);
}

/** Where a token's units occur: at the cursor (after white space and added marks), else a little ahead. */
function matchAt(units: Uint32Array, form: Uint32Array, cursor: number, searchFar: boolean): [number, number] | undefined {
  let skip = 0;
  let at = cursor;
  // Marks the tokenizer added (a leading space from add_prefix_space or ▁ from Metaspace) are not in the text.
  while (skip < form.length && isSpace(form[skip]) && units[at] !== form[skip]) skip++;
  while (at < units.length && isSpace(units[at]) && units[at] !== form[skip]) at++;
  const body = form.subarray(skip);
  if (body.length === 0) return skip > 0 ? [at, at] : undefined;
  if (equalAt(units, body, at)) return [at, at + body.length];
  const limit = Math.min(units.length - body.length, at + (searchFar ? SEARCH_AHEAD : 64));
  for (let p = at + 1; p <= limit; p++) if (equalAt(units, body, p)) return [p, p + body.length];
  return undefined;
}

function equalAt(units: Uint32Array, body: Uint32Array, at: number): boolean {
  if (at + body.length > units.length) return false;
  for (let i = 0; i < body.length; i++) if (units[at + i] !== body[i]) return false;
  return true;
}
