import { readFile } from 'node:fs/promises';
import { alignNfkc } from './nfkcAlignment';
import { PieceEncoder } from './pieceEncoder';
import type { TextTokenizer } from './textTokenizer';
import type { Token } from './token';
import { words } from './whitespace';

export type { Token } from './token';

/** A token relative to the start of its word. */
interface WordToken {
  id: number;
  start: number;
  end: number;
}

// Bounds the memory of the word cache in a long editing session.
const MAX_CACHED_WORDS = 100_000;
const MAX_CACHED_WORD_LENGTH = 1024;

/**
 * The tokenizer of the bundled model (a tokenizer.json from buildTokenizerJson), with the exact
 * place of every token in the original text.
 */
export class ModelTokenizer implements TextTokenizer {
  private readonly wordCache = new Map<string, readonly WordToken[]>();

  private constructor(private readonly pieces: PieceEncoder) {}

  static fromTokenizerJson(json: object): ModelTokenizer {
    return new ModelTokenizer(new PieceEncoder(json));
  }

  static async load(path: string): Promise<ModelTokenizer> {
    return ModelTokenizer.fromTokenizerJson(JSON.parse(await readFile(path, 'utf8')) as object);
  }

  /**
   * The ids the reference tokenizer gives a sentence (white space taken as it is). Known
   * differences: among segmentations of exactly equal score ("555" → 5|55 or 55|5) the Hugging
   * Face lattice may keep another one (6 of the 57,340 Brown sentences); and the reference takes
   * a running score of exactly 0 for "no path yet", which changes its choice for a text starting
   * with a zero-score piece such as "▁:" or "▁:)".
   */
  encodeIds(sentence: string): number[] {
    return this.pieces.encodeNormalized(sentence.normalize('NFKC')).map((piece) => piece.id);
  }

  /**
   * The tokens of a document. Every run of white space is one word boundary (the model reads
   * `collapseWhitespace(text)`), so the ids are `encodeIds(collapseWhitespace(text))`, and no token
   * span holds white space.
   *
   * Spans: a token covers the original characters its piece came from. When NFKC turned one
   * character into several pieces (ﬁ → "▁f" "i"), the first piece gets the whole character and the
   * next ones an empty span at its end. A piece that is only the word-boundary mark ▁ (before a word
   * that starts with, say, a quote) has no characters: an empty span at the start of its word. It
   * stays in the list because the model needs its id.
   */
  tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    for (const word of words(text)) {
      for (const t of this.wordTokens(word.text)) {
        const start = word.start + t.start;
        const end = word.start + t.end;
        tokens.push({ id: t.id, text: text.slice(start, end), start, end });
      }
    }
    return tokens;
  }

  private wordTokens(word: string): readonly WordToken[] {
    if (word.length > MAX_CACHED_WORD_LENGTH) return this.alignPieces(word);
    let tokens = this.wordCache.get(word);
    if (!tokens) {
      tokens = this.alignPieces(word);
      if (this.wordCache.size >= MAX_CACHED_WORDS) this.wordCache.clear();
      this.wordCache.set(word, tokens);
    }
    return tokens;
  }

  private alignPieces(word: string): WordToken[] {
    const { normalized, sourceStart, sourceEnd } = alignNfkc(word);
    const tokens: WordToken[] = [];
    // Index in `normalized` of the next piece; the model string's leading ▁ sits at -1.
    let at = -1;
    let covered = 0;
    for (const { id, length } of this.pieces.encodeNormalized(normalized)) {
      const from = Math.max(at, 0);
      at += length;
      let start = covered;
      let end = covered;
      if (at > from) {
        start = Math.max(covered, sourceStart[from]);
        end = Math.max(start, sourceEnd[at - 1]);
      }
      tokens.push({ id, start, end });
      covered = end;
    }
    return tokens;
  }
}
