import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../../src/core/model/bundledModel';
import { gramMatrix } from '../../../src/core/sparse/gram';
import { onnxGramMatrix } from '../../../src/core/sparse/onnxGram';
import { OnnxMatMul } from '../../../src/core/sparse/onnxMatMul';

test('the Gram matrix of the bundled dictionary on ONNX Runtime equals the JavaScript one to float32 rounding, symmetric, in shared memory', async () => {
  const { dictionary } = readDictionaryFile(join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE));
  const K = dictionary.atomCount;
  const matMul = await OnnxMatMul.create();
  const onnx = await onnxGramMatrix(matMul, dictionary);
  await matMul.dispose();
  const js = gramMatrix(dictionary);
  assert.ok(onnx.buffer instanceof SharedArrayBuffer);
  assert.equal(onnx.length, K * K);
  let largest = 0;
  for (let i = 0; i < K; i++) {
    // Unit atoms: |G_ij| ≤ 1, so float32 sums of 512 products differ by a few ulps of 1 at most.
    assert.ok(Math.abs(onnx[i * K + i] - 1) < 1e-5, `G[${i},${i}] = ${onnx[i * K + i]}`);
    for (let j = 0; j < K; j++) {
      largest = Math.max(largest, Math.abs(onnx[i * K + j] - js[i * K + j]));
      if (onnx[i * K + j] !== onnx[j * K + i]) assert.fail(`G[${i},${j}] = ${onnx[i * K + j]} but G[${j},${i}] = ${onnx[j * K + i]}`);
    }
  }
  assert.ok(largest < 5e-6, `largest difference ${largest}`);
});
