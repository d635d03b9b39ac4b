import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FactorEngine } from '../../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';

const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
const text = 'The committee said the bank would raise its rates.\nShe sat on the bank of the river, watching the water.';

test('the engine codes the same with correlations from ONNX Runtime and from the JavaScript kernel', async () => {
  const onnx = await FactorEngine.open(sources);
  const js = await FactorEngine.open({ ...sources, correlations: 'js' });
  const a = await onnx.decompose(text);
  const b = await js.decompose(text);
  assert.equal(a.tokens.length, b.tokens.length);
  assert.ok(a.tokens.length > 20);
  for (let layer = 0; layer < a.layers.length; layer++) {
    for (let t = 0; t < a.tokens.length; t++) {
      assert.ok(Math.abs(a.relativeResiduals[layer][t] - b.relativeResiduals[layer][t]) < 1e-3, `layer ${layer} token ${t}`);
      const rowA = a.codes[layer].offsets[t + 1] - a.codes[layer].offsets[t];
      const rowB = b.codes[layer].offsets[t + 1] - b.codes[layer].offsets[t];
      assert.ok(Math.abs(rowA - rowB) <= 2, `layer ${layer} token ${t}: ${rowA} vs ${rowB} active`);
    }
  }
  await onnx.dispose();
  await js.dispose();
});
