import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActivation } from '../../../src/extension/highlight/navigation';

// "The bank of the river bank" with a zero-width piece at 8.
const tokens = [[0, 3], [4, 8], [8, 8], [9, 11], [12, 15], [16, 21], [22, 26]].map(([start, end], id) => ({ id, text: '', start, end }));
const activations = Float32Array.of(0, 0.9, 5, 0, 0.05, 0, 0.4);

test('next goes to the first token starting after the cursor that reaches the threshold', () => {
  assert.deepEqual(findActivation(tokens, activations, 0.1, 0, 1), { token: 1, wrapped: false });
  assert.deepEqual(findActivation(tokens, activations, 0.1, 4, 1), { token: 6, wrapped: false }, 'from the start of token 1: skips the zero-width piece and the weak token 4');
  assert.deepEqual(findActivation(tokens, activations, 0.01, 4, 1), { token: 4, wrapped: false });
  assert.deepEqual(findActivation(tokens, activations, 0.1, 22, 1), { token: 1, wrapped: true });
});

test('previous goes to the last token ending at or before the cursor', () => {
  assert.deepEqual(findActivation(tokens, activations, 0.1, 22, -1), { token: 1, wrapped: false });
  assert.deepEqual(findActivation(tokens, activations, 0.1, 4, -1), { token: 6, wrapped: true });
  assert.deepEqual(findActivation(tokens, activations, 0.1, 26, -1), { token: 6, wrapped: false });
});

test('nothing is found when no token reaches the threshold', () => {
  assert.equal(findActivation(tokens, activations, 1, 0, 1), undefined);
  assert.equal(findActivation(tokens, new Float32Array(tokens.length), 0, 0, -1), undefined);
});
