import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factorActivations, factorsOf } from '../../../src/core/decompose/documentDecomposition';
import { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';
import { decompose, partialOf, spansOf } from './realDecomposition';
import { sampleText } from './sampleText';

const text = sampleText(6, 4);

test('spans added in any order reassemble into the engine’s decomposition', async () => {
  const { partial, decomposition } = await partialOf(text, 9, (spans) => [...spans].reverse());
  assert.ok(partial.complete);
  assert.deepEqual(partial.toDecomposition(), decomposition);
});

test('lookups agree with the core’s factorsOf and factorActivations', async () => {
  const { partial, decomposition } = await partialOf(text, 5);
  for (let l = 0; l < decomposition.layers.length; l++) {
    for (let t = 0; t < decomposition.tokens.length; t++) {
      assert.deepEqual(partial.factorsAt(l, t), factorsOf(decomposition, l, t));
      assert.equal(partial.activeCount(l, t), decomposition.codes[l].offsets[t + 1] - decomposition.codes[l].offsets[t]);
      assert.equal(partial.relativeResidual(l, t), decomposition.relativeResiduals[l][t]);
    }
    const factor = factorsOf(decomposition, l, 3)[0].id;
    assert.deepEqual(partial.activations(l, factor), factorActivations(decomposition, l, factor));
    const { factors, coefficients } = partial.strongest(l);
    factors.forEach((f, t) => {
      const top = factorsOf(decomposition, l, t)[0];
      assert.equal(f, top?.id ?? -1);
      assert.equal(coefficients[t], top?.coefficient ?? 0);
    });
  }
});

test('before every span is in, only decomposed tokens answer and the rest read as inactive', async () => {
  const decomposition = await decompose(text);
  const partial = new PartialDecomposition(text, decomposition.tokens, decomposition.layers);
  const spans = spansOf(decomposition, 10);
  partial.add(spans[1]);
  partial.add(spans[1]);
  assert.equal(partial.tokensDone, spans[1].tokenEnd - spans[1].tokenStart, 'a span added twice counts once');
  assert.equal(partial.revision, 1);
  assert.ok(!partial.complete);
  assert.equal(partial.factorsAt(0, 0), undefined);
  assert.equal(partial.relativeResidual(0, 0), undefined);
  assert.ok(partial.factorsAt(0, 10));
  const factor = factorsOf(decomposition, 2, 0)[0].id;
  assert.equal(partial.activations(2, factor)[0], 0);
  assert.equal(partial.strongest(2).factors[0], -1);
  assert.throws(() => partial.toDecomposition(), /only 10 of/);
  assert.throws(() => partial.add({ ...spans[0], tokenEnd: decomposition.tokens.length + 1 }), /does not fit/);
});

test('tokens rebuilt from the worker’s arrays carry their text', async () => {
  const decomposition = await decompose(text);
  const { tokens } = decomposition;
  const partial = PartialDecomposition.fromArrays(text, decomposition.layers, Uint32Array.from(tokens, (t) => t.id), Uint32Array.from(tokens, (t) => t.start), Uint32Array.from(tokens, (t) => t.end));
  assert.deepEqual(partial.tokens, tokens);
});
