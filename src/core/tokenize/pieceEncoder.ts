import { UNKNOWN_ID, WORD_BOUNDARY } from './tokenizerJson';

/** One token of the model string: its id and how many UTF-16 units of the model string it covers. */
export interface Piece {
  id: number;
  length: number;
}

// Longer segments (a word of minified code, a long number…) are cut before the Hugging Face
// lattice sees them: it slows down and overflows the stack on very long inputs.
const MAX_SEGMENT = 1024;
// Bounds the memory of the segment cache in a long editing session.
const MAX_CACHED_SEGMENTS = 100_000;
// U+FFFD is the unknown piece itself, and the Hugging Face fusing of unknowns drops the characters
// that follow it from the fused token's text; a private-use character, also unknown, keeps them.
const REPLACEMENT_CHARACTER = /\uFFFD/g;
const UNKNOWN_STAND_IN = '\uE000';

/** What is used of @huggingface/tokenizers' Tokenizer (its typings do not resolve from CommonJS). */
interface HfTokenizer {
  encode(text: string): { ids: number[]; tokens: string[] };
  model: { vocab: string[] } | null;
}
// The package is an ES module with a CommonJS build; this project compiles to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Tokenizer } = require('@huggingface/tokenizers') as { Tokenizer: new (json: object, config: object) => HfTokenizer };

/**
 * Runs the unigram model of a tokenizer.json (through @huggingface/tokenizers, the tokenizer engine
 * of @huggingface/transformers) on model strings, segment by segment: a model string is
 * "▁" + NFKC text with every space as ▁, and since no piece holds ▁ except at its start, every ▁
 * starts a piece and the segments from one ▁ to the next are segmented independently. Segment
 * results are cached, which makes documents fast (words repeat).
 */
export class PieceEncoder {
  private readonly model: HfTokenizer;
  private readonly cache = new Map<string, readonly Piece[]>();
  /** Pairs of consecutive characters inside some piece: a segment can be cut between any other pair. */
  private readonly joinedPairs = new Set<string>();

  constructor(tokenizerJson: object) {
    // The same model without the normalizer: the caller hands over ready model strings.
    this.model = new Tokenizer({ ...tokenizerJson, normalizer: null, pre_tokenizer: null }, {});
    for (const piece of this.model.model?.vocab ?? []) {
      const chars = Array.from(piece);
      for (let i = 1; i < chars.length; i++) this.joinedPairs.add(chars[i - 1] + chars[i]);
    }
  }

  /** The pieces of an NFKC-normalised text, exactly as the reference tokenizer cuts it. */
  encodeNormalized(normalized: string): Piece[] {
    if (normalized.length === 0) return [];
    const modelString = WORD_BOUNDARY + normalized.replaceAll(' ', WORD_BOUNDARY);
    const pieces: Piece[] = [];
    let start = 0;
    while (start < modelString.length) {
      let end = modelString.indexOf(WORD_BOUNDARY, start + 1);
      if (end < 0) end = modelString.length;
      for (const piece of this.segmentPieces(modelString.slice(start, end))) pieces.push(piece);
      start = end;
    }
    return pieces;
  }

  private segmentPieces(segment: string): readonly Piece[] {
    if (segment.length > MAX_SEGMENT) return this.runInChunks(segment);
    let pieces = this.cache.get(segment);
    if (!pieces) {
      pieces = this.run(segment);
      if (this.cache.size >= MAX_CACHED_SEGMENTS) this.cache.clear();
      this.cache.set(segment, pieces);
    }
    return pieces;
  }

  private run(text: string): Piece[] {
    const { ids, tokens } = this.model.encode(text.replace(REPLACEMENT_CHARACTER, UNKNOWN_STAND_IN));
    const pieces = ids.map((id, i) => ({ id, length: tokens[i].length }));
    if (pieces.reduce((sum, p) => sum + p.length, 0) !== text.length) {
      throw new Error(`tokenizer pieces do not cover ${JSON.stringify(text.slice(0, 40))}`);
    }
    return pieces;
  }

  /**
   * Cuts between two characters that no piece holds together, so no piece is lost; a run of
   * MAX_SEGMENT characters with no such place (e.g. "aaaa…") is cut where it must be, which
   * may change a piece or two next to the cut.
   */
  private runInChunks(segment: string): Piece[] {
    const pieces: Piece[] = [];
    for (let start = 0; start < segment.length; ) {
      const end = this.chunkEnd(segment, start);
      for (const piece of this.run(segment.slice(start, end))) {
        const last = pieces[pieces.length - 1];
        // Unknown runs on both sides of a cut are one unknown token, as without the cut.
        if (last && last.id === UNKNOWN_ID && piece.id === UNKNOWN_ID) last.length += piece.length;
        else pieces.push(piece);
      }
      start = end;
    }
    return pieces;
  }

  private chunkEnd(segment: string, start: number): number {
    const limit = start + MAX_SEGMENT;
    if (limit >= segment.length) return segment.length;
    const codePointStart = (i: number): number => (splitsSurrogatePair(segment, i) ? i - 1 : i);
    const forced = codePointStart(limit);
    for (let cut = forced; cut > start + MAX_SEGMENT / 2; cut = codePointStart(cut - 1)) {
      const before = segment.slice(codePointStart(cut - 1), cut);
      const after = String.fromCodePoint(segment.codePointAt(cut)!);
      if (!this.joinedPairs.has(before + after)) return cut;
    }
    return forced;
  }
}

function splitsSurrogatePair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const at = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}
