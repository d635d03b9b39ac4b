import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/catalog/buildCatalog';
import { catalogPathFor, readCatalog, writeCatalog } from '../../src/core/catalog/catalogFile';
import { brownSentences } from '../../src/core/corpus/brownCorpus';
import { writeDictionaryFile } from '../../src/core/dictionary/dictionaryFile';
import { readNpy } from '../../src/core/io/npy';
import { gaussianDictionary } from '../../src/core/learn/initialDictionary';
import { SeededRandom } from '../../src/core/learn/random';
import { bundledModelDir } from '../../src/core/model/bundledModel';
import { loadModel } from '../../src/core/model/loadedModel';
import { objective } from '../../src/core/sparse/objective';
import { SparseCoder } from '../../src/core/sparse/sparseCoder';

const root = join(__dirname, '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'out', 'cli.js'), ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'dict-cli-'));
const dictPath = join(dir, 'tiny.tfdict');
const dictionary = gaussianDictionary(64, 512, new SeededRandom(4));
const LAMBDA = 2;

before(async () => {
  const model = await loadModel(bundledModelDir());
  const sha256 = writeDictionaryFile(dictPath, dictionary, {
    formatVersion: 1, name: 'tiny', model: { id: model.info.id, hiddenSize: 512, onnxSha256: model.info.onnxSha256 }, layers: model.info.layers,
    atomCount: 64, lambda: LAMBDA, createdAt: '2026-11-25T00:00:00Z',
  });
  const coder = new SparseCoder(dictionary);
  const sentences = [...brownSentences(['ca01'])].slice(0, 15);
  writeCatalog(catalogPathFor(dictPath), await buildCatalog(model, sentences, 64, (X, n) => coder.codeBatch(X, n, LAMBDA), { dictionary: { name: 'tiny', sha256 }, lambda: LAMBDA, corpusName: 'test' }));
  await model.encoder.dispose();
});

interface Decomposed {
  lambda: number;
  layers: string[];
  tokens: Array<{ text: string; start: number; end: number; layers: Array<{ layer: string; factors: Array<{ id: number; coef: number; label: string }>; active: number; relResidual: number }> }>;
}

test('decompose --json: factors sorted by coefficient, `active` and relResidual over all non-zeros, --codes matrices agree', () => {
  const text = 'The jury praised the city’s handling of the election.';
  const codesDir = join(dir, 'codes');
  const run = cli('decompose', '--text', text, '--json', '--dictionary', dictPath, '--top', '2', '--codes', codesDir);
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as Decomposed;
  assert.equal(out.lambda, LAMBDA);
  const states = spawnSync(process.execPath, [join(root, 'out', 'cli.js'), 'encode', '--text', text, '--json', '--states', join(dir, 'states')], { encoding: 'utf8' });
  assert.equal(states.status, 0, states.stderr);
  out.layers.forEach((layer, l) => {
    const codes = readNpy(join(codesDir, `${layer}.npy`));
    const X = readNpy(join(dir, 'states', `${layer}.npy`));
    assert.deepEqual(codes.shape, [out.tokens.length, 64]);
    out.tokens.forEach((token, t) => {
      assert.equal(text.slice(token.start, token.end), token.text);
      const entry = token.layers[l];
      const row = codes.data.subarray(t * 64, (t + 1) * 64);
      const nonZero = Array.from(row).map((v, id) => ({ id, v })).filter((e) => e.v > 0).sort((a, b) => b.v - a.v);
      assert.equal(entry.active, nonZero.length);
      assert.deepEqual(entry.factors.map((f) => f.id), nonZero.slice(0, 2).map((e) => e.id));
      assert.ok(entry.factors.every((f, i, a) => i === 0 || a[i - 1].coef >= f.coef));
      const x = X.data.subarray(t * 512, (t + 1) * 512);
      const r = Float64Array.from(x);
      nonZero.forEach(({ id, v }) => { for (let h = 0; h < 512; h++) r[h] -= v * dictionary.atoms[id * 512 + h]; });
      const rel = Math.hypot(...r) / Math.hypot(...x);
      assert.ok(Math.abs(entry.relResidual - rel) < 1e-4, `relResidual ${entry.relResidual} vs ${rel}`);
      // The code is the optimum: no single-coordinate move lowers the objective.
      const base = objective(x, dictionary, row, LAMBDA);
      for (const k of [nonZero[0]?.id ?? 0, 7]) {
        for (const step of [0.05, -0.05]) {
          const moved = Float32Array.from(row);
          moved[k] = Math.max(0, moved[k] + step);
          assert.ok(objective(x, dictionary, moved, LAMBDA) >= base - 1e-6 * base);
        }
      }
    });
  });
});

test('factor --json prints the catalog entry with contexts; export writes Φ as [hidden, K]', () => {
  const run = cli('factor', '--id', '5', '--json', '--dictionary', dictPath);
  assert.equal(run.status, 0, run.stderr);
  const entry = JSON.parse(run.stdout) as { id: number; label: string; layers: Array<{ layer: string; importance: number; top: Array<{ start: number; end: number; context: string }> }> };
  assert.equal(entry.id, 5);
  assert.equal(entry.layers.length, 5);
  for (const layer of entry.layers) for (const e of layer.top) assert.ok(e.end > e.start && e.end <= e.context.length);
  // Labels use words as the text shows them: Brown's `` and '' appear as ".
  const words = readCatalog(catalogPathFor(dictPath)).factors.flatMap((f) => f.topWords.map((w) => w.word));
  assert.ok(words.includes('"'), 'the test corpus has quotes among top words');
  assert.ok(!words.some((w) => w.includes('``') || w.includes("''")));
  const npy = join(dir, 'phi.npy');
  assert.equal(cli('export', '--dictionary', dictPath, '--npy', npy).status, 0);
  const phi = readNpy(npy);
  assert.deepEqual(phi.shape, [512, 64]);
  assert.equal(phi.data[10 * 64 + 3], dictionary.atoms[3 * 512 + 10]);
});

test('bad dictionary input is one clear line and a non-zero exit', () => {
  const cases: Array<[string[], RegExp]> = [
    [['decompose', '--text', 'hi', '--dictionary', join(dir, 'none.tfdict')], /cannot read dictionary .*none\.tfdict/],
    [['decompose', '--text', 'hi', '--dictionary', join(root, 'package.json')], /not a Transformer Factors dictionary/],
    [['decompose', '--text', 'hi', '--dictionary', dictPath, '--top', '0'], /--top must be a positive whole number/],
    [['factor', '--id', '64', '--dictionary', dictPath], /factors 0–63; there is no factor 64/],
    [['export', '--dictionary', dictPath], /give both --dictionary/],
  ];
  for (const [args, message] of cases) {
    const run = cli(...args);
    assert.notEqual(run.status, 0, args.join(' '));
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  }
});
