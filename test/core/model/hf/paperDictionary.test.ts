import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DictionaryError } from '../../../../src/core/dictionary/dictionaryError';
import { importInto, listDictionaries } from '../../../../src/core/dictionary/dictionaryStore';
import { FactorEngine } from '../../../../src/core/engine/factorEngine';
import { writeNpy } from '../../../../src/core/io/npy';
import { SeededRandom } from '../../../../src/core/learn/random';
import { modelIdentity } from '../../../../src/core/model/hf/modelIdentity';
import { writeSourceMarker } from '../../../../src/core/model/hf/sourceMarker';
import { codeRow } from '../../../../src/core/sparse/sparseCodes';
import { writeTinyBert } from './support/tinyBert';
import { writeTinyGpt2 } from './support/tinyGpt2';

const root = mkdtempSync(join(tmpdir(), 'hf-paper-'));
const cacheDir = join(root, 'cache');
const dictionaries = join(root, 'dictionaries');
// Stands for a downloaded bert-base-uncased: a model folder in the Hub cache, with its marker.
const hubModel = join(cacheDir, 'hub', 'test-org', 'tiny-bert');
writeTinyBert(hubModel);
writeSourceMarker(hubModel, { hubId: 'test-org/tiny-bert', revision: 'main', downloadedAt: '2026-01-01T00:00:00Z' });
const otherModel = join(root, 'tiny-gpt2');
writeTinyGpt2(otherModel);

/** A TransformerVis-style Φ: float32 [hidden, K], unit-norm columns. */
function paperNpy(name: string, hidden: number, atoms: number, seed: number): string {
  const random = new SeededRandom(seed);
  const phi = new Float32Array(hidden * atoms);
  for (let k = 0; k < atoms; k++) {
    const column = Array.from({ length: hidden }, () => random.normal());
    const norm = Math.hypot(...column);
    column.forEach((v, h) => { phi[h * atoms + k] = v / norm; });
  }
  const path = join(root, name);
  writeNpy(path, [hidden, atoms], phi);
  return path;
}

test('a TransformerVis .npy imported for a Hub model is filed under its Hub id, and decomposes its hidden states', async () => {
  const identity = await modelIdentity(hubModel, cacheDir);
  const entry = importInto(dictionaries, paperNpy('tiny-bert_reg0.23_d50_epoch2.npy', 32, 50, 1), { model: identity });
  assert.equal(entry.modelId, 'test-org/tiny-bert');
  assert.equal(entry.hiddenSize, 32);
  assert.equal(entry.atomCount, 50);
  assert.equal(entry.lambda, 0.23);
  assert.deepEqual(entry.layers, ['embeddings', 'layer1', 'layer2']);
  assert.deepEqual(listDictionaries({ user: dictionaries }).entries.map((e) => e.id), [entry.id]);

  const engine = await FactorEngine.open({ modelDir: hubModel, dictionaryPath: entry.path, modelCacheDir: cacheDir });
  const text = 'The river bank was steep. The BANK raised its rates!';
  const result = await engine.decompose(text);
  assert.deepEqual(result.layers, ['embeddings', 'layer1', 'layer2']);
  // The codes describe this model's own hidden states: recompute every residual from them.
  const [states] = await engine.model.encoder.run([result.tokens.map((t) => t.id)]);
  const { atoms } = engine.dictionary;
  result.layers.forEach((_, l) => {
    result.tokens.forEach((_, t) => {
      const x = states[l].subarray(t * 32, (t + 1) * 32);
      const residual = Float64Array.from(x);
      const { indices, values } = codeRow(result.codes[l], t);
      assert.ok(indices.length > 0);
      indices.forEach((k, j) => { for (let h = 0; h < 32; h++) residual[h] -= values[j] * atoms[k * 32 + h]; });
      const relative = Math.hypot(...residual) / Math.hypot(...x);
      assert.ok(Math.abs(relative - result.relativeResiduals[l][t]) < 1e-5, `layer ${l} token ${t}: ${relative} vs ${result.relativeResiduals[l][t]}`);
      assert.ok(relative < 1);
    });
  });
  await engine.dispose();
});

test('a .npy of another width is refused on import, and a dictionary of another model on opening', async () => {
  const identity = await modelIdentity(hubModel, cacheDir);
  assert.throws(() => importInto(dictionaries, paperNpy('wide_reg0.3_d20.npy', 48, 20, 2), { model: identity }),
    (error: DictionaryError) => error.problem === 'npy-shape' && /32-wide/.test(error.message));
  // Both models are 32 wide: only the model id tells them apart.
  const other = importInto(dictionaries, paperNpy('gpt2-like_reg0.3_d20.npy', 32, 20, 3), { model: await modelIdentity(otherModel, cacheDir) });
  assert.equal(other.modelId, 'tiny-gpt2');
  await assert.rejects(FactorEngine.open({ modelDir: hubModel, dictionaryPath: other.path, modelCacheDir: cacheDir }),
    (error: DictionaryError) => error.problem === 'wrong-model' && /made for model tiny-gpt2, not test-org\/tiny-bert/.test(error.message));
});
