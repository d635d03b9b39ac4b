import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketActivations } from '../../../src/core/decompose/activationBuckets';
import { decompositionToCsv, decompositionToJson } from '../../../src/core/decompose/exportDecomposition';
import type { DocumentDecomposition } from '../../../src/core/decompose/documentDecomposition';

test('buckets are proportional to activation, 0 only where inactive', () => {
  const values = Float32Array.of(0, 0.1, 2.5, 5, 10, 9.99);
  assert.deepEqual(Array.from(bucketActivations(values, 4)), [0, 1, 1, 2, 4, 4]);
  assert.deepEqual(Array.from(bucketActivations(values, 4, 5)), [0, 1, 2, 4, 4, 4]);
  assert.deepEqual(Array.from(bucketActivations(new Float32Array(3), 4)), [0, 0, 0]);
});

const decomposition: DocumentDecomposition = {
  tokens: [{ id: 5, text: 'say', start: 0, end: 3 }, { id: 6, text: '"hi,"', start: 4, end: 9 }],
  layers: ['a', 'b'],
  codes: [
    { offsets: Uint32Array.of(0, 2, 3), indices: Uint32Array.of(1, 4, 4), values: Float32Array.of(0.5, 2, 1) },
    { offsets: Uint32Array.of(0, 0, 1), indices: Uint32Array.of(7), values: Float32Array.of(3) },
  ],
  relativeResiduals: [Float32Array.of(0.25, 0.5), Float32Array.of(1, 0.125)],
};

test('JSON export lists every token, layer and non-zero factor, strongest first', () => {
  const json = JSON.parse(decompositionToJson(decomposition, { model: 'm', dictionary: 'd', lambda: 1 }));
  assert.deepEqual(json.tokens[0].layers[0], { layer: 'a', factors: [{ id: 4, coef: 2 }, { id: 1, coef: 0.5 }], relResidual: 0.25 });
  assert.deepEqual(json.tokens[0].layers[1].factors, []);
  assert.deepEqual(json.tokens[1].layers[1], { layer: 'b', factors: [{ id: 7, coef: 3 }], relResidual: 0.125 });
});

test('CSV export has one row per non-zero coefficient and quotes text fields that need it', () => {
  const rows = decompositionToCsv(decomposition).trim().split('\n');
  assert.equal(rows.length, 1 + 4);
  assert.equal(rows[1], '0,0,3,say,a,1,0.5');
  assert.equal(rows[3], '1,4,9,"""hi,""",a,4,1');
  assert.equal(rows[4], '1,4,9,"""hi,""",b,7,3');
});
