import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brownSentences, listBrownFiles } from '../../../src/core/corpus/brownCorpus';
import { referenceTokenizer } from '../../support/referenceTokenizer';
import { useLiteTokenizer, useLiteTokenizerJson, useLiteVocab } from './useLiteTokenizer';

// Every sentence of the Brown Corpus (57,340), as natural text.
const sentences = Array.from(brownSentences(listBrownFiles().map((f) => f.fileId)), (s) => s.text);

test('ids equal the reference tokenizer on ≥ 99.9% of Brown sentences', (t) => {
  const reference = referenceTokenizer();
  const tokenizer = useLiteTokenizer();
  const vocab = useLiteVocab();
  const pieces = (ids: number[]): string => ids.map((id) => vocab[id][0]).join('|');
  const mismatches: string[] = [];
  for (const text of sentences) {
    const ours = tokenizer.encodeIds(text);
    const theirs = reference(text);
    if (ours.join() !== theirs.join()) mismatches.push(`${text} → ours ${pieces(ours)} ≠ reference ${pieces(theirs)}`);
  }
  const rate = 1 - mismatches.length / sentences.length;
  t.diagnostic(`identical ids on ${sentences.length - mismatches.length} / ${sentences.length} sentences (${(100 * rate).toFixed(3)}%)`);
  for (const m of mismatches.slice(0, 3)) t.diagnostic(m);
  assert.ok(sentences.length > 57_000);
  assert.ok(rate >= 0.999, `only ${(100 * rate).toFixed(3)}% identical`);
});

test('the tokenizer.json, loaded by @huggingface/transformers, gives the same ids', async (t) => {
  // An ES module: imported dynamically from this CommonJS test.
  const { env, PreTrainedTokenizer } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  const transformers = new PreTrainedTokenizer(useLiteTokenizerJson(), {});
  const tokenizer = useLiteTokenizer();
  let same = 0;
  for (const text of sentences) {
    if (transformers.encode(text, { add_special_tokens: false }).join() === tokenizer.encodeIds(text).join()) same++;
  }
  // Whole sentences and word-by-word segments can break an exact tie differently in floating point.
  t.diagnostic(`identical ids on ${same} / ${sentences.length} sentences`);
  assert.ok(same >= sentences.length - 10);
});
