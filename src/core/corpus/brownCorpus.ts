import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brownCorpusDir } from './brownFiles';
import { detokenize } from './detokenize';

export { brownCorpusDir, listBrownFiles, type BrownFile } from './brownFiles';
export { brownSplit, BROWN_HELD_OUT_FILES } from './brownSplit';

/**
 * A corpus token: `word` as the corpus writes it, its tag (e.g. "nn-tl", "np$"), and the span of
 * its surface form in the sentence text. The surface is the word itself, except the quote tokens
 * `` and '' which appear in the text as ".
 */
export interface BrownWord {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export interface BrownSentence {
  fileId: string;
  /** Position of the sentence in its file, from 0. */
  index: number;
  /** The sentence as natural English (see detokenize). */
  text: string;
  words: BrownWord[];
}

/** The sentences of one file: each non-empty line is a sentence of space-separated word/tag items. */
export function readBrownFile(fileId: string, dir = brownCorpusDir()): BrownSentence[] {
  const lines = readFileSync(join(dir, fileId), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, index) => parseSentence(fileId, index, line));
}

/** The sentences of several files, file by file, reading one file at a time. */
export function* brownSentences(fileIds: Iterable<string>, dir = brownCorpusDir()): Generator<BrownSentence> {
  for (const fileId of fileIds) yield* readBrownFile(fileId, dir);
}

function parseSentence(fileId: string, index: number, line: string): BrownSentence {
  // The tag follows the last slash: words may hold slashes ("and/or/cc", "//in" is the word "/").
  const items = line.trim().split(/\s+/).map((item) => {
    const slash = item.lastIndexOf('/');
    if (slash <= 0) throw new Error(`Brown ${fileId}, sentence ${index}: "${item}" is not word/tag`);
    return { word: item.slice(0, slash), tag: item.slice(slash + 1) };
  });
  const { text, spans } = detokenize(items.map((item) => item.word));
  const words = items.map((item, i) => ({ ...item, start: spans[i][0], end: spans[i][1] }));
  return { fileId, index, text, words };
}
