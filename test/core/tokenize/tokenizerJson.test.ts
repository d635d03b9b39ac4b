import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTokenizerJson } from '../../../src/core/tokenize/tokenizerJson';
import { referenceTokenizer } from '../../support/referenceTokenizer';
import { useLiteTokenizerJson, useLiteVocab } from './useLiteTokenizer';

interface UnigramJson {
  model: { type: string; unk_id: number; vocab: Array<[string, number]> };
}

test('a Unigram model over the whole vocabulary, ids in place', () => {
  const vocab = useLiteVocab();
  const { model } = useLiteTokenizerJson() as UnigramJson;
  assert.equal(model.type, 'Unigram');
  assert.equal(model.unk_id, 0);
  assert.equal(model.vocab.length, vocab.length);
  for (let id = 6; id < vocab.length; id++) {
    assert.equal(model.vocab[id][0], vocab[id][0]);
    assert.equal(model.vocab[id][1], vocab[id][1] ?? 0);
  }
});

test('pure: the input is not changed and equal inputs give equal output', () => {
  const vocab: Array<[string, number | null]> = [['�', 0], ['<s>', 0], ['</s>', 0], ['e1', 0], ['e2', 0], ['e3', 0], ['▁a', -1], [':', null]];
  const copy = JSON.stringify(vocab);
  assert.deepEqual(buildTokenizerJson(vocab), buildTokenizerJson(JSON.parse(copy)));
  assert.equal(JSON.stringify(vocab), copy);
  assert.deepEqual((buildTokenizerJson(vocab) as UnigramJson).model.vocab[7], [':', 0]);
});

test('loaded by @huggingface/tokenizers as it is, it matches the reference on its edge cases', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Tokenizer } = require('@huggingface/tokenizers') as { Tokenizer: new (json: object, config: object) => { encode(text: string): { ids: number[] } } };
  const hf = new Tokenizer(useLiteTokenizerJson(), {});
  const reference = referenceTokenizer();
  for (const text of ['', ' ', '  x', '´x', 'Hello, world!', '<s> </s> extra_token_id_2', 'x:30 ﬁ ½', '\uFFFD\uFFFDx', '\r\n']) {
    assert.deepEqual(hf.encode(text).ids, reference(text), JSON.stringify(text));
  }
});
