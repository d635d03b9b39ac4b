import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultExportName, exportContents, formatForPath } from '../../../src/extension/export/exportFormat';
import { decompose } from '../engine/realDecomposition';

test('the format follows the chosen file name', () => {
  assert.equal(formatForPath('/a/b.CSV'), 'csv');
  assert.equal(formatForPath('/a/b.json'), 'json');
  assert.equal(formatForPath('/a/b'), 'json');
  assert.equal(defaultExportName('notes.txt', 'json'), 'notes.factors.json');
  assert.equal(defaultExportName('README', 'csv'), 'README.factors.csv');
  assert.equal(defaultExportName('.txt', 'csv'), 'document.factors.csv');
});

test('exports hold every token, layer and non-zero coefficient', async () => {
  const text = 'Exports, "quoted", hold every token.';
  const decomposition = await decompose(text);
  const nonZeros = decomposition.codes.reduce((n, rows) => n + rows.values.length, 0);
  const csv = exportContents(decomposition, 'csv', { model: 'm', dictionary: 'd', lambda: 1 }).trimEnd().split('\n');
  assert.equal(csv.length, nonZeros + 1);
  assert.equal(csv[0], 'token_index,start,end,text,layer,factor,coefficient');
  const json = JSON.parse(exportContents(decomposition, 'json', { model: 'm', dictionary: 'd', lambda: 1, source: '/x.txt' }));
  assert.equal(json.source, '/x.txt');
  assert.equal(json.tokens.length, decomposition.tokens.length);
  assert.equal(json.tokens.flatMap((t: { layers: Array<{ factors: unknown[] }> }) => t.layers.flatMap((l) => l.factors)).length, nonZeros);
});
