import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePaperFileName } from '../../../src/core/dictionary/paperFileName';

test('λ, K, epoch and model are read from TransformerVis file names', () => {
  const cases: Array<[string, ReturnType<typeof parsePaperFileName>]> = [
    ['bert-base-uncased_reg0.23_d2000_epoch2.npy', { modelName: 'bert-base-uncased', lambda: 0.23, atomCount: 2000, epoch: 2 }],
    ['bert-base-uncased_reg0.3_d2500_epoch1.npy', { modelName: 'bert-base-uncased', lambda: 0.3, atomCount: 2500, epoch: 1 }],
    ['roberta_large_reg.5_d1000.npy', { modelName: 'roberta_large', lambda: 0.5, atomCount: 1000 }],
    ['reg1e-3_d64.NPY', { lambda: 0.001, atomCount: 64 }],
    ['phi.npy', {}],
    ['distilbert_dreg0.2_d12x_regular.npy', {}],
    ['model_reg0.23x_d2000.npy', { atomCount: 2000 }],
  ];
  for (const [name, expected] of cases) assert.deepEqual(parsePaperFileName(name), expected, name);
});
