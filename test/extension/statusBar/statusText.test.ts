import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../../src/extension/statusBar/statusText';

test('the entry shows dictionary, layer and highlighted factor', () => {
  const { text, tooltip } = statusText({ dictionary: 'k1024', layer: 'L1.ffn', highlight: '#12 subject pronoun: it, he, in, they' });
  assert.equal(text, '$(symbol-misc) k1024 · L1.ffn · #12 subject pronoun: it, he…');
  assert.match(tooltip, /Highlight: #12 subject pronoun: it, he, in, they/);
});

test('while analysing it shows progress; a document not analysed says why', () => {
  assert.match(statusText({ dictionary: 'k', progress: { done: 250, total: 1000 } }).text, /^\$\(sync~spin\) 25% k$/);
  const skipped = statusText({ dictionary: 'k', notAnalysed: 'too long' });
  assert.match(skipped.text, /^\$\(circle-slash\) k/);
  assert.match(skipped.tooltip, /Not analysed: too long/);
  assert.match(statusText({}).text, /no dictionary/);
});
