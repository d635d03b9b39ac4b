import type { BrownSentence } from './brownCorpus';

/** A document to learn from: a workspace file, a file of a chosen folder. */
export interface CorpusDocument {
  /** Where it came from, e.g. its path relative to the folder. */
  id: string;
  text: string;
}

export interface CorpusTextOptions {
  /** Longest text handed to the model at once; longer paragraphs are cut at sentence ends. */
  maxCharacters?: number;
}

// Words for the catalog's labels: letters and digits (with inner apostrophes), or one other character.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/gu;

/**
 * Cuts documents into the texts training and catalogs work on, in the shape Brown sentences
 * have: paragraphs (split at blank lines), each cut at sentence ends to at most maxCharacters,
 * white space collapsed, with the span of every word (untagged).
 */
export function corpusTexts(documents: Iterable<CorpusDocument>, options: CorpusTextOptions = {}): BrownSentence[] {
  const max = options.maxCharacters ?? 1000;
  const texts: BrownSentence[] = [];
  for (const document of documents) {
    let index = 0;
    for (const paragraph of document.text.split(/\n\s*\n/u)) {
      for (const text of cutAtSentences(paragraph.replace(/\s+/gu, ' ').trim(), max)) {
        const words = Array.from(text.matchAll(WORD), (m) => ({ word: m[0], tag: '', start: m.index, end: m.index + m[0].length }));
        if (words.length) texts.push({ fileId: document.id, index: index++, text, words });
      }
    }
  }
  return texts;
}

function cutAtSentences(text: string, max: number): string[] {
  if (text.length <= max) return text ? [text] : [];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let cut = -1;
    for (const match of text.slice(start, start + max).matchAll(SENTENCE_END)) cut = start + match.index + match[0].length;
    if (cut <= start) cut = text.lastIndexOf(' ', start + max) > start ? text.lastIndexOf(' ', start + max) + 1 : start + max;
    pieces.push(text.slice(start, cut).trim());
    start = cut;
  }
  pieces.push(text.slice(start).trim());
  return pieces.filter(Boolean);
}

/** Every 20th text held out for evaluation (5%, as the Brown split), the rest for training; both in corpus order. */
export function splitCorpusTexts(texts: readonly BrownSentence[]): { train: BrownSentence[]; heldOut: BrownSentence[] } {
  if (texts.length < 2) return { train: [...texts], heldOut: [...texts] };
  return { train: texts.filter((_, i) => i % 20 !== 19), heldOut: texts.filter((_, i) => i % 20 === 19 || (texts.length < 20 && i === texts.length - 1)) };
}
