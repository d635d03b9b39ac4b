import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graphFeeds } from '../../../../src/core/model/hf/graphFeeds';

const batch = { ids: [5, 6, 7, 8, 0, 0], mask: [1, 1, 1, 1, 0, 0], batch: 2, width: 3 };

test('feeds for BERT-style inputs: ids, mask, token types, in the graph’s integer type', () => {
  const feeds = graphFeeds([
    { name: 'input_ids', elemType: 7, dims: ['batch_size', 'sequence_length'] },
    { name: 'attention_mask', elemType: 7, dims: ['batch_size', 'sequence_length'] },
    { name: 'token_type_ids', elemType: 6, dims: ['batch_size', 'sequence_length'] },
  ], batch);
  assert.deepEqual(feeds.input_ids.dims, [2, 3]);
  assert.deepEqual(Array.from(feeds.input_ids.data as BigInt64Array, Number), batch.ids);
  assert.deepEqual(Array.from(feeds.attention_mask.data as BigInt64Array, Number), batch.mask);
  assert.equal(feeds.token_type_ids.type, 'int32');
  assert.deepEqual(Array.from(feeds.token_type_ids.data as Int32Array), [0, 0, 0, 0, 0, 0]);
});

test('feeds for a GPT-2 export with a key/value cache: positions, an empty cache, the no-cache branch', () => {
  const feeds = graphFeeds([
    { name: 'position_ids', elemType: 7, dims: ['batch_size', 'sequence_length'] },
    { name: 'past_key_values.0.key', elemType: 1, dims: ['batch_size', 12, 'past_sequence_length', 64] },
    { name: 'use_cache_branch', elemType: 9, dims: [1] },
  ], batch);
  assert.deepEqual(Array.from(feeds.position_ids.data as BigInt64Array, Number), [0, 1, 2, 0, 1, 2]);
  assert.deepEqual(feeds['past_key_values.0.key'].dims, [2, 12, 0, 64]);
  assert.equal(feeds['past_key_values.0.key'].data.length, 0);
  assert.deepEqual(Array.from(feeds.use_cache_branch.data as Uint8Array), [0]);
  assert.throws(() => graphFeeds([{ name: 'pixel_values', elemType: 1, dims: [1, 3, 224, 224] }], batch), /pixel_values/);
});
