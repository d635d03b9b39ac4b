import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DictionaryMetadata } from '../../../src/core/dictionary/dictionary';
import { readDictionaryFile, writeDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import { exportPaperNpy, importPaperNpy } from '../../../src/core/dictionary/paperNpy';
import { importIntoFolder, listDictionaries, removeDictionary } from '../../../src/core/dictionary/dictionaryStore';
import { readNpy, writeNpy } from '../../../src/core/io/npy';
import { gaussianDictionary } from '../../../src/core/learn/initialDictionary';
import { SeededRandom } from '../../../src/core/learn/random';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { readModelInfo } from '../../../src/core/model/modelInfo';

const dir = mkdtempSync(join(tmpdir(), 'dict-'));
const model = readModelInfo(bundledModelDir());
const dictionary = gaussianDictionary(32, 512, new SeededRandom(1));
const metadata: DictionaryMetadata = {
  formatVersion: 1, name: 'test', model: { id: model.id, hiddenSize: 512, onnxSha256: model.onnxSha256 }, layers: model.layers,
  atomCount: 32, lambda: 2, createdAt: '2026-11-25T00:00:00Z', training: { corpus: 'brown', seed: 1 },
};
const path = join(dir, 'test.tfdict');
writeDictionaryFile(path, dictionary, metadata);

test('a dictionary file round-trips bit-exactly with its metadata, checked against the real model', () => {
  const read = readDictionaryFile(path, { model });
  assert.deepEqual(read.dictionary, dictionary);
  assert.deepEqual(read.metadata, metadata);
  assert.match(read.sha256, /^[0-9a-f]{64}$/);
});

function variant(name: string, edit: (bytes: Buffer) => Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, edit(Buffer.from(readFileSync(path))));
  return p;
}

test('damaged or mismatched files are rejected with what is wrong', () => {
  const dataStart = readFileSync(path).length - 32 * 512 * 4;
  const cases: Array<[string, RegExp]> = [
    [variant('text.tfdict', () => Buffer.from('hello')), /not a Transformer Factors dictionary/],
    [variant('cut.tfdict', (b) => b.subarray(0, b.length - 10)), /truncated: 65526 bytes of data, 65536 expected/],
    [variant('long.tfdict', (b) => Buffer.concat([b, Buffer.alloc(8)])), /8 unexpected bytes/],
    [variant('flip.tfdict', (b) => { b[dataStart + 100] ^= 1; return b; }), /corrupt/],
    [variant('version.tfdict', (b) => { b[7] = 9; return b; }), /format version 9/],
  ];
  for (const [p, message] of cases) assert.throws(() => readDictionaryFile(p), message);
  const nan = { ...dictionary, atoms: Float32Array.from(dictionary.atoms) };
  nan.atoms[3 * 512 + 7] = NaN;
  writeDictionaryFile(join(dir, 'nan.tfdict'), nan, metadata);
  assert.throws(() => readDictionaryFile(join(dir, 'nan.tfdict')), /1 NaN or infinite values \(first in atom 3\)/);
  const long = { ...dictionary, atoms: Float32Array.from(dictionary.atoms) };
  long.atoms[5 * 512] += 1;
  writeDictionaryFile(join(dir, 'norm.tfdict'), long, metadata);
  assert.throws(() => readDictionaryFile(join(dir, 'norm.tfdict')), /atom 5 has norm/);
  assert.throws(() => readDictionaryFile(path, { model: { ...model, hiddenSize: 768 } }), /512-wide atoms but model use-lite has 768-wide/);
  assert.throws(() => readDictionaryFile(path, { model: { ...model, id: 'bert-base-uncased' } }), /made for model use-lite, not bert-base-uncased/);
  assert.throws(() => readDictionaryFile(path, { model: { ...model, onnxSha256: 'f'.repeat(64) } }), /different build of model use-lite/);
});

test('the paper’s .npy ([hidden, K]) imports, exports and round-trips; λ and name come from the file name', () => {
  const out = join(dir, 'bert-base-uncased_reg0.23_d32_epoch2.npy');
  exportPaperNpy(dictionary, out);
  const npy = readNpy(out);
  assert.deepEqual(npy.shape, [512, 32]);
  assert.equal(npy.data[7 * 32 + 3], dictionary.atoms[3 * 512 + 7]);
  const imported = importPaperNpy(out, { model: { id: 'use-lite', hiddenSize: 512 }, layers: model.layers });
  assert.equal(imported.metadata.lambda, 0.23);
  assert.equal(imported.metadata.name, 'bert-base-uncased_reg0.23_d32_epoch2');
  for (let i = 0; i < dictionary.atoms.length; i++) assert.ok(Math.abs(imported.dictionary.atoms[i] - dictionary.atoms[i]) < 1e-6);
  const transposed = join(dir, 'transposed.npy');
  writeNpy(transposed, [32, 512], npy.data);
  assert.throws(() => importPaperNpy(transposed, { model: { id: 'use-lite', hiddenSize: 512 }, layers: [] }), /32 rows but model use-lite has 512-wide hidden states — it looks transposed/);
  const noName = join(dir, 'phi.npy');
  exportPaperNpy(dictionary, noName);
  assert.equal(importPaperNpy(noName, { model: { id: 'use-lite', hiddenSize: 512 }, layers: [] }).metadata.lambda, 0.3);
});

test('the store lists bundled and imported dictionaries from headers and removes only imported ones', () => {
  const user = join(dir, 'user');
  const entry = importIntoFolder(user, join(dir, 'bert-base-uncased_reg0.23_d32_epoch2.npy'), { model: { id: 'use-lite', hiddenSize: 512 }, layers: model.layers });
  const { entries } = listDictionaries({ bundled: mkdtempSync(join(tmpdir(), 'bundled-')), user });
  assert.deepEqual(entries.map((e) => [e.name, e.source, e.atomCount, e.lambda]), [['bert-base-uncased_reg0.23_d32_epoch2', 'user', 32, 0.23]]);
  assert.throws(() => importIntoFolder(user, join(dir, 'bert-base-uncased_reg0.23_d32_epoch2.npy'), { model: { id: 'use-lite', hiddenSize: 512 }, layers: [] }), /already imported/);
  assert.throws(() => removeDictionary({ ...entry, source: 'bundled' }), /ships with the extension/);
  removeDictionary(entry);
  assert.equal(listDictionaries({ user }).entries.length, 0);
});
