import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogPathFor } from '../../../src/core/catalog/catalogFile';
import { brownSentences, BROWN_HELD_OUT_FILES } from '../../../src/core/corpus/brownCorpus';
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

test('the engine decomposes a document bit for bit the same on one coder thread and on two worker threads', async () => {
  const sentences: string[] = [];
  for (const sentence of brownSentences(BROWN_HELD_OUT_FILES)) {
    sentences.push(sentence.text);
    if (sentences.join('\n').length > 3000) break;
  }
  const document = sentences.join('\n');
  const one = await FactorEngine.open({ ...sources, coderThreads: 1 });
  const two = await FactorEngine.open({ ...sources, coderThreads: 2 });
  try {
    assert.equal(one.coderThreads, 1);
    assert.equal(two.coderThreads, 2);
    const a = await one.decompose(document);
    const b = await two.decompose(document);
    assert.ok(a.tokens.length > 300, `${a.tokens.length} tokens: several model windows are wanted`);
    assert.deepEqual(b.tokens, a.tokens);
    const bits = (values: Float32Array) => new Uint32Array(values.buffer, values.byteOffset, values.length);
    for (let layer = 0; layer < a.layers.length; layer++) {
      assert.ok(a.codes[layer].values.length > 2 * a.tokens.length);
      assert.deepEqual(b.codes[layer].offsets, a.codes[layer].offsets, `layer ${layer}: rows' sizes`);
      assert.deepEqual(b.codes[layer].indices, a.codes[layer].indices, `layer ${layer}: factors`);
      assert.deepEqual(bits(b.codes[layer].values), bits(a.codes[layer].values), `layer ${layer}: coefficients`);
      assert.deepEqual(bits(b.relativeResiduals[layer]), bits(a.relativeResiduals[layer]), `layer ${layer}: residuals`);
    }
  } finally {
    await one.dispose();
    await two.dispose();
  }
});

test('coderThreads must be a whole number from 1', async () => {
  await assert.rejects(FactorEngine.open({ ...sources, coderThreads: 0 }), /coderThreads must be a whole number from 1, not 0/);
  await assert.rejects(FactorEngine.open({ ...sources, coderThreads: 1.5 }), /coderThreads must be a whole number from 1, not 1.5/);
});

test('the engine reads its catalog only when asked: a damaged catalog does not stop decomposing, and asking names the problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'engine-catalog-'));
  const dictionaryPath = join(dir, BUNDLED_DICTIONARY_FILE);
  copyFileSync(sources.dictionaryPath, dictionaryPath);
  writeFileSync(catalogPathFor(dictionaryPath), 'not a catalog');
  const engine = await FactorEngine.open({ ...sources, dictionaryPath, coderThreads: 1 });
  try {
    assert.ok((await engine.decompose(text)).codes[0].values.length > 0);
    assert.throws(() => engine.catalog, /is not a readable factor catalog/);
    assert.throws(() => engine.label(1), /is not a readable factor catalog/);
  } finally {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  const bundled = await FactorEngine.open({ ...sources, coderThreads: 1 });
  try {
    assert.equal(bundled.catalog?.factors.length, bundled.dictionary.atomCount);
    assert.equal(bundled.label(204), bundled.catalog?.factors[204].label);
  } finally {
    await bundled.dispose();
  }
});
