import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDictionaryFile, writeDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import { DictionaryError, type DictionaryProblem } from '../../../src/core/dictionary/dictionaryError';
import { exportPaperNpy, importPaperNpy, type PaperImportOptions } from '../../../src/core/dictionary/paperNpy';
import { npyHeader, readNpy, writeNpy } from '../../../src/core/io/npy';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { readModelInfo } from '../../../src/core/model/modelInfo';
import { metadataFor, tempDir, unitDictionary } from './testDictionaries';

const dir = tempDir('npy');
const model = readModelInfo(bundledModelDir());
const dictionary = unitDictionary(32, 512, 3);
const useLite = { model: { id: 'use-lite', hiddenSize: 512 } };

function rejects(path: string, options: PaperImportOptions, problem: DictionaryProblem, message: RegExp): void {
  assert.throws(() => importPaperNpy(path, options), (error: unknown) => {
    assert.ok(error instanceof DictionaryError, String(error));
    assert.equal(error.problem, problem, error.message);
    assert.match(error.message, message);
    return true;
  });
}

/** Φ as TransformerVis would hold it in numpy: [hidden, K], row-major. */
function phiOf(atoms: Float32Array, K: number, d: number): Float32Array {
  const phi = new Float32Array(d * K);
  for (let k = 0; k < K; k++) for (let h = 0; h < d; h++) phi[h * K + k] = atoms[k * d + h];
  return phi;
}

test('export writes Φ as numpy float32 [hidden, K], element by element', () => {
  const out = join(dir, 'exported.npy');
  exportPaperNpy(dictionary, out);
  const bytes = readFileSync(out);
  assert.match(bytes.subarray(10, 128).toString('latin1'), /'descr': '<f4', 'fortran_order': False, 'shape': \(512, 32\)/);
  const npy = readNpy(out);
  assert.deepEqual(npy.shape, [512, 32]);
  assert.deepEqual(Buffer.from(npy.data.buffer), Buffer.from(phiOf(dictionary.atoms, 32, 512).buffer));
  assert.equal(npy.data[7 * 32 + 3], dictionary.atoms[3 * 512 + 7]);
});

test('.tfdict → paper .npy → .tfdict is lossless', () => {
  const original = join(dir, 'original.tfdict');
  const sha = writeDictionaryFile(original, dictionary, metadataFor(dictionary, model));
  const npy = join(dir, 'bert-base-uncased_reg0.23_d32_epoch2.npy');
  exportPaperNpy(readDictionaryFile(original).dictionary, npy);
  const imported = importPaperNpy(npy, { model });
  assert.deepEqual(Buffer.from(imported.dictionary.atoms.buffer), Buffer.from(dictionary.atoms.buffer));
  assert.equal(imported.metadata.importDetails?.renormalisedAtoms, 0);
  const again = join(dir, 'again.tfdict');
  assert.equal(writeDictionaryFile(again, imported.dictionary, imported.metadata), sha);
  const read = readDictionaryFile(again, { model });
  assert.equal(read.metadata.lambda, 0.23);
  assert.equal(read.metadata.atomCount, 32);
  assert.deepEqual(read.metadata.layers, model.layers);
  assert.equal(read.metadata.model.onnxSha256, model.onnxSha256);
  assert.equal(read.metadata.name, 'bert-base-uncased_reg0.23_d32_epoch2');
});

test('λ comes from the caller, else the file name, else the paper default, and the metadata says which', () => {
  const named = join(dir, 'bert-base-uncased_reg0.23_d32_epoch2.npy');
  exportPaperNpy(dictionary, named);
  const fromName = importPaperNpy(named, useLite).metadata;
  assert.equal(fromName.lambda, 0.23);
  assert.equal(fromName.importDetails?.lambdaFrom, 'file name');
  assert.match(fromName.importedFrom!, /λ from the file name/);
  assert.deepEqual(fromName.layers, []);
  assert.equal(fromName.model.onnxSha256, undefined);
  const given = importPaperNpy(named, { ...useLite, lambda: 0.1, name: 'mine', layers: ['L1.ffn'] }).metadata;
  assert.deepEqual([given.lambda, given.importDetails?.lambdaFrom, given.name, given.layers], [0.1, 'given', 'mine', ['L1.ffn']]);
  const plain = join(dir, 'phi.npy');
  exportPaperNpy(dictionary, plain);
  const defaulted = importPaperNpy(plain, useLite).metadata;
  assert.equal(defaulted.lambda, 0.3);
  assert.equal(defaulted.importDetails?.lambdaFrom, 'paper default');
  assert.match(defaulted.importedFrom!, /λ not stated, the paper's default 0\.3 assumed/);
  rejects(plain, { ...useLite, lambda: -1 }, 'bad-option', /λ must be a finite number ≥ 0, not -1/);
});

test('a transposed file is refused with a hint to transpose it; other shapes say what they fit', () => {
  const transposed = join(dir, 'bert-base-uncased_reg0.23_d2000_epoch2-T.npy');
  writeNpy(transposed, [32, 512], dictionary.atoms);
  rejects(transposed, useLite, 'npy-shape', /Φ has shape \[32, 512\] but model use-lite has 512-wide hidden states, so Φ must be \[512, K\]; its columns match, so the file looks transposed \(\[K, hidden\]\): save its transpose, e\.g\. np\.save\('phi\.npy', np\.load\('bert-base-uncased_reg0\.23_d2000_epoch2-T\.npy'\)\.T\)/);
  const bert = join(dir, 'bert-base-uncased_reg0.23_d4_epoch2.npy');
  exportPaperNpy(unitDictionary(4, 768, 5), bert);
  rejects(bert, useLite, 'npy-shape', /\[768, 4\] but model use-lite has 512-wide .* made for a model with 768-wide hidden states \(its file name says bert-base-uncased\)/);
  const cube = join(dir, 'cube.npy');
  writeNpy(cube, [2, 2, 2], new Float32Array(8));
  rejects(cube, useLite, 'npy-shape', /shape \(2, 2, 2\); a dictionary Φ is 2-D/);
});

test('a file name whose K disagrees with the data is refused', () => {
  const misnamed = join(dir, 'x_reg0.2_d2000.npy');
  exportPaperNpy(dictionary, misnamed);
  rejects(misnamed, useLite, 'file-name', /its file name says d2000 \(2000 atoms\) but it holds 32 columns/);
});

test('columns near unit norm are renormalised; NaN, zero and far-off columns are refused', () => {
  const phi = phiOf(dictionary.atoms, 32, 512);
  const scaled = (edit: (phi: Float32Array) => void, name: string) => {
    const copy = Float32Array.from(phi);
    edit(copy);
    writeNpy(join(dir, name), [512, 32], copy);
    return join(dir, name);
  };
  const column = (k: number, f: (v: number) => number) => (p: Float32Array) => { for (let h = 0; h < 512; h++) p[h * 32 + k] = f(p[h * 32 + k]); };
  const near = importPaperNpy(scaled(column(4, (v) => v * 1.005), 'near.npy'), useLite);
  assert.equal(near.metadata.importDetails?.renormalisedAtoms, 1);
  const atom4 = near.dictionary.atoms.subarray(4 * 512, 5 * 512);
  assert.ok(Math.abs(Math.hypot(...atom4) - 1) < 1e-6);
  for (let h = 0; h < 512; h++) assert.ok(Math.abs(atom4[h] - dictionary.atoms[4 * 512 + h]) < 1e-6);
  rejects(scaled(column(6, (v) => v * 1.5), 'far.npy'), useLite, 'not-unit-norm', /1 of its 32 columns are not unit-norm \(±0\.01\).* \(first: column 6, norm 1\.5000\)/);
  rejects(scaled(column(9, () => 0), 'zero.npy'), useLite, 'zero-atom', /1 of its 32 columns are all zeros .* \(first: column 9\)/);
  rejects(scaled((p) => { p[3 * 32 + 11] = NaN; p[5 * 32 + 12] = Infinity; }, 'nan.npy'), useLite, 'non-finite', /2 of its 32 columns hold NaN or infinite values \(first: column 11\)/);
});

test('float64 .npy files are accepted; other files are refused as unreadable', () => {
  const phi = phiOf(dictionary.atoms, 32, 512);
  const header = Buffer.from(npyHeader([512, 32]).toString('latin1').replace("'<f4'", "'<f8'"), 'latin1');
  const f64 = join(dir, 'phi64.npy');
  writeFileSync(f64, Buffer.concat([header, Buffer.from(Float64Array.from(phi).buffer)]));
  assert.deepEqual(Buffer.from(importPaperNpy(f64, useLite).dictionary.atoms.buffer), Buffer.from(dictionary.atoms.buffer));
  const text = join(dir, 'text.npy');
  writeFileSync(text, 'not numpy');
  rejects(text, useLite, 'bad-npy', /cannot import .*text\.npy: .*not a \.npy file/);
  rejects(join(dir, 'absent.npy'), useLite, 'bad-npy', /cannot import .*absent\.npy: .*ENOENT/);
});
