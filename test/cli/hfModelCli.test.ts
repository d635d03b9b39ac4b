import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNpy, readNpy } from '../../src/core/io/npy';
import { SeededRandom } from '../../src/core/learn/random';
import { loadModel } from '../../src/core/model/loadedModel';
import { writeTinyBert } from '../core/model/hf/support/tinyBert';
import { writeTinyGpt2 } from '../core/model/hf/support/tinyGpt2';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'hf-cli-'));
const cacheDir = join(dir, 'cache');
const bert = join(dir, 'tiny-bert');
const gpt2 = join(dir, 'tiny-gpt2');
writeTinyBert(bert);
writeTinyGpt2(gpt2);
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'out', 'cli.js'), ...args, '--cache-dir', cacheDir], { encoding: 'utf8' });

/** Φ [hidden, K] with unit-norm columns, as TransformerVis saves it. */
function writePhi(path: string, hidden: number, atoms: number): void {
  const random = new SeededRandom(3);
  const phi = new Float32Array(hidden * atoms);
  for (let k = 0; k < atoms; k++) {
    const column = Array.from({ length: hidden }, () => random.normal());
    const norm = Math.hypot(...column);
    column.forEach((v, h) => { phi[h * atoms + k] = v / norm; });
  }
  writeNpy(path, [hidden, atoms], phi);
}

for (const [name, folder] of [['BERT', bert], ['GPT-2', gpt2]] as const) {
  test(`encode --model DIR --json --states OUT (${name}): every layer, embeddings first, as float32 .npy equal to the encoder's`, async () => {
    const text = 'The river bank was steep.\nThe BANK raised its rates!';
    const states = join(dir, `states-${name}`);
    const run = cli('encode', '--model', folder, '--text', text, '--json', '--states', states);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { model: string; layers: string[]; hiddenSize: number; tokens: Array<{ id: number; text: string; start: number; end: number }> };
    assert.deepEqual(out.layers, ['embeddings', 'layer1', 'layer2']);
    assert.equal(out.hiddenSize, 32);
    for (const t of out.tokens) assert.equal(text.slice(t.start, t.end), t.text);
    const model = await loadModel(folder, { cacheDir });
    assert.equal(out.model, model.info.id);
    const [direct] = await model.encoder.run([out.tokens.map((t) => t.id)]);
    out.layers.forEach((layer, i) => {
      const npy = readNpy(join(states, `${layer}.npy`));
      assert.deepEqual(npy.shape, [out.tokens.length, 32]);
      assert.deepEqual(Array.from(npy.data), Array.from(direct[i]));
    });
    await model.encoder.dispose();
  });
}

test('a Hub id without --allow-network: one line saying how to allow it, nothing downloaded', () => {
  const run = cli('encode', '--model', 'Xenova/bert-base-uncased', '--text', 'Hello.');
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /Xenova\/bert-base-uncased is not downloaded yet.*--allow-network.*Nothing was sent/);
  assert.equal(run.stderr.trim().split('\n').length, 1);
});

test('import a TransformerVis .npy for a Hugging Face model, then decompose with it', () => {
  const npy = join(dir, 'tiny-bert_reg0.2_d40_epoch1.npy');
  writePhi(npy, 32, 40);
  const out = join(dir, 'tiny-bert-paper.tfdict');
  const imported = cli('import', '--npy', npy, '--model', bert, '--out', out, '--json');
  assert.equal(imported.status, 0, imported.stderr);
  const summary = JSON.parse(imported.stdout) as { model: { id: string; hiddenSize: number; onnxSha256: string }; layers: string[]; atomCount: number; lambda: number };
  assert.equal(summary.model.id, 'tiny-bert');
  assert.equal(summary.model.hiddenSize, 32);
  assert.match(summary.model.onnxSha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(summary.layers, ['embeddings', 'layer1', 'layer2']);
  assert.equal(summary.atomCount, 40);
  assert.equal(summary.lambda, 0.2, 'λ from the file name');

  const text = 'The river bank was steep.';
  const decomposed = cli('decompose', '--model', bert, '--dictionary', out, '--text', text, '--json');
  assert.equal(decomposed.status, 0, decomposed.stderr);
  const result = JSON.parse(decomposed.stdout) as { model: string; layers: string[]; tokens: Array<{ text: string; layers: Array<{ layer: string; active: number; relResidual: number; factors: Array<{ id: number; coef: number }> }> }> };
  assert.equal(result.model, 'tiny-bert');
  assert.deepEqual(result.layers, ['embeddings', 'layer1', 'layer2']);
  assert.ok(result.tokens.length >= 5);
  for (const token of result.tokens) {
    for (const layer of token.layers) {
      assert.ok(layer.active > 0 && layer.relResidual < 1, `${token.text} ${layer.layer}: ${layer.active} active, residual ${layer.relResidual}`);
      assert.ok(layer.factors.every((f) => f.coef > 0 && f.id < 40));
    }
  }
});

test('a dictionary of the wrong width, or none, is refused with a clear message', () => {
  const wide = join(dir, 'wide_reg0.3_d10.npy');
  writePhi(wide, 48, 10);
  const refused = cli('import', '--npy', wide, '--model', bert, '--out', join(dir, 'wide.tfdict'));
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /Φ has shape \[48, 10\] but model tiny-bert has 32-wide hidden states/);
  const noDictionary = cli('decompose', '--model', bert, '--text', 'Hello.');
  assert.equal(noDictionary.status, 2);
  assert.match(noDictionary.stderr, /give --dictionary D\.tfdict made for/);
  const missing = cli('encode', '--model', join(dir, 'no-such-folder'), '--text', 'Hello.');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /there is no model folder/);
});
