import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATION_LEVELS, activationBase, bucketBackground, strongestBackground, themeColorVariable } from '../../../src/extension/highlight/highlightColors';
import { resolveLayer } from '../../../src/extension/highlight/highlightMode';

test('the theme colour is used through its CSS variable unless the setting overrides it', () => {
  assert.equal(themeColorVariable('transformerFactors.activationBackground'), 'var(--vscode-transformerFactors-activationBackground)');
  assert.equal(activationBase(''), 'var(--vscode-transformerFactors-activationBackground)');
  assert.equal(activationBase('#ff8800'), '#ff8800');
});

test('buckets get stronger, never opaque', () => {
  const strengths = Array.from({ length: ACTIVATION_LEVELS }, (_, b) => Number(/ (\d+)%/.exec(bucketBackground('#ff8800', b + 1))![1]));
  assert.ok(strengths.every((s, i) => i === 0 || s > strengths[i - 1]), String(strengths));
  assert.ok(strengths[0] > 0 && strengths[strengths.length - 1] < 100);
  assert.match(bucketBackground('var(--x)', 1), /^color-mix\(in srgb, var\(--x\) \d+%, transparent\)$/);
  assert.notEqual(strongestBackground(0), strongestBackground(1));
});

test('the layer shown is the session’s choice, else the setting, else the last layer', () => {
  const layers = ['embed', 'L0.ffn', 'L1.ffn'];
  assert.deepEqual(resolveLayer(layers, 'L0.ffn', 'embed'), { name: 'L0.ffn', index: 1 });
  assert.deepEqual(resolveLayer(layers, '', 'embed'), { name: 'embed', index: 0 });
  assert.deepEqual(resolveLayer(layers, 'L9', 'nope'), { name: 'L1.ffn', index: 2 });
  assert.deepEqual(resolveLayer([], '', ''), { name: '', index: -1 });
});
