import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factorActivations, factorsOf } from '../../../src/core/decompose/documentDecomposition';
import { labelAnchor, planFactor, planStrongest } from '../../../src/extension/highlight/highlightPlan';
import { ACTIVATION_LEVELS } from '../../../src/extension/highlight/highlightColors';
import { partialOf } from '../engine/realDecomposition';
import { sampleText } from '../engine/sampleText';

const text = sampleText(8, 2);

test('a factor’s tokens fall into intensity buckets by activation relative to its scale', async () => {
  const { partial, decomposition } = await partialOf(text);
  const layer = 4;
  const factor = factorsOf(decomposition, layer, 5)[0].id;
  const activations = factorActivations(decomposition, layer, factor);
  for (const catalogMax of [undefined, Math.max(...activations) * 2]) {
    const plan = planFactor(partial, layer, factor, ACTIVATION_LEVELS, catalogMax);
    const scale = catalogMax ?? Math.max(...activations);
    assert.equal(plan.scale, scale);
    assert.deepEqual(plan.activations, activations);
    assert.equal(plan.firing, activations.filter((a) => a > 0).length);
    const shaded = plan.spans.flat().length;
    assert.equal(shaded, decomposition.tokens.filter((t, i) => activations[i] > 0 && t.end > t.start).length);
    plan.spans.forEach((spans, b) => {
      for (const span of spans) {
        const t = decomposition.tokens.findIndex((token) => token.start === span.start && token.end === span.end);
        const relative = activations[t] / scale;
        assert.ok(relative > b / ACTIVATION_LEVELS - 1e-6 && relative <= (b + 1) / ACTIVATION_LEVELS + 1e-6, `bucket ${b + 1} holds ${relative}`);
      }
    });
    if (!catalogMax) assert.ok(plan.spans[ACTIVATION_LEVELS - 1].length >= 1, 'the strongest token is in the top bucket');
  }
});

test('strongest-factor mode colours the factors strongest on the most tokens', async () => {
  const { partial, decomposition } = await partialOf(text);
  const layer = 2;
  const strongest = decomposition.tokens.map((_, t) => factorsOf(decomposition, layer, t)[0]?.id ?? -1);
  const counts = new Map<number, number>();
  strongest.forEach((f) => f >= 0 && counts.set(f, (counts.get(f) ?? 0) + 1));
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const { groups, others } = planStrongest(partial, layer, 3);
  assert.deepEqual(groups.map((g) => g.factor), ranked.slice(0, 3).map(([f]) => f));
  groups.forEach((group) => {
    for (const span of group.spans) {
      const t = decomposition.tokens.findIndex((token) => token.start === span.start && token.end === span.end);
      assert.equal(strongest[t], group.factor);
    }
  });
  assert.equal(others, ranked.slice(3).reduce((n, [, c]) => n + c, 0));
});

test('a legend label is anchored after the whole word, never between the pieces of a split word', async () => {
  const words = 'She plays bassoon and electrodynamics; unbelievably, antidisestablishmentarianism!';
  const { partial } = await partialOf(words);
  assert.ok(partial.tokens.some((t, i) => i > 0 && partial.tokens[i - 1].end === t.start), 'the sample has split words');
  for (const token of partial.tokens) {
    if (token.end === token.start) continue;
    // Expected: the end of the run of non-space characters containing the token.
    let end = token.end;
    while (end < words.length && !/\s/.test(words[end])) end++;
    assert.deepEqual(labelAnchor(partial.tokens, { start: token.start, end: token.end }), { start: end, end }, `token "${token.text}" at ${token.start}`);
  }
});
