import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPathFor } from '../../../src/core/catalog/catalogFile';
import { readDictionaryFile, writeDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import { DictionaryError, type DictionaryProblem } from '../../../src/core/dictionary/dictionaryError';
import { encodeHeader } from '../../../src/core/dictionary/dictionaryFormat';
import { importInto, listDictionaries, removeDictionary } from '../../../src/core/dictionary/dictionaryStore';
import { fileStemFor } from '../../../src/core/dictionary/fileStemFor';
import { exportPaperNpy } from '../../../src/core/dictionary/paperNpy';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { readModelInfo } from '../../../src/core/model/modelInfo';
import { metadataFor, tempDir, unitDictionary } from './testDictionaries';

const model = readModelInfo(bundledModelDir());

function problemOf(run: () => unknown): DictionaryProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof DictionaryError) return error.problem;
    throw error;
  }
  assert.fail('expected a DictionaryError');
}

/** A bundled folder with one dictionary and its catalog, a user folder, and a paper .npy to import. */
function setUp() {
  const root = tempDir('store');
  const bundled = join(root, 'media', 'dictionaries');
  const user = join(root, 'globalStorage', 'dictionaries');
  mkdirSync(bundled, { recursive: true });
  const shipped = unitDictionary(16, 512, 7);
  writeDictionaryFile(join(bundled, 'use-lite-brown.tfdict'), shipped, metadataFor(shipped, model, 'USE-Lite on Brown'));
  writeFileSync(catalogPathFor(join(bundled, 'use-lite-brown.tfdict')), '');
  const npy = join(root, 'bert-base-uncased_reg0.23_d8_epoch2.npy');
  exportPaperNpy(unitDictionary(8, 512, 8), npy);
  return { root, bundled, user, npy, folders: { bundled, user } };
}

test('bundled and imported dictionaries are listed from their headers', () => {
  const { bundled, user, npy, folders } = setUp();
  assert.deepEqual(listDictionaries(folders).entries.map((e) => e.id), ['bundled:use-lite-brown'], 'the user folder need not exist yet');
  const imported = importInto(user, npy, { model });
  assert.equal(imported.id, 'imported:bert-base-uncased_reg0.23_d8_epoch2');
  assert.equal(readDictionaryFile(imported.path, { model }).dictionary.atomCount, 8);
  const { entries, unusable } = listDictionaries(folders);
  assert.deepEqual(unusable, []);
  assert.deepEqual(entries.map(({ dataSha256: _sha, importedFrom: _from, ...rest }) => rest), [
    {
      id: 'bundled:use-lite-brown', name: 'USE-Lite on Brown', path: join(bundled, 'use-lite-brown.tfdict'), source: 'bundled',
      modelId: 'use-lite', layers: model.layers, atomCount: 16, hiddenSize: 512, lambda: 0.5, hasCatalog: true,
    },
    {
      id: 'imported:bert-base-uncased_reg0.23_d8_epoch2', name: 'bert-base-uncased_reg0.23_d8_epoch2', path: imported.path, source: 'imported',
      modelId: 'use-lite', layers: model.layers, atomCount: 8, hiddenSize: 512, lambda: 0.23, hasCatalog: false,
    },
  ]);
  assert.match(entries[1].importedFrom!, /TransformerVis \.npy/);
  assert.deepEqual(entries[1], imported);
});

test('damaged files are reported beside the list; other files and folders are ignored', () => {
  const { user, npy, folders } = setUp();
  importInto(user, npy, { model, name: 'good' });
  writeFileSync(join(user, 'garbage.tfdict'), 'not a dictionary');
  writeFileSync(join(user, 'notes.txt'), 'ignored');
  writeFileSync(join(user, 'good.tfdict.123.partial'), 'ignored');
  mkdirSync(join(user, 'folder.tfdict'));
  const good = join(user, 'good.tfdict');
  const cut = join(user, 'cut.tfdict');
  writeFileSync(cut, readFileSync(good).subarray(0, 200 + 8 * 512 * 2));
  const { entries, unusable } = listDictionaries(folders);
  assert.deepEqual(entries.map((e) => e.id), ['bundled:use-lite-brown', 'imported:good']);
  assert.deepEqual(unusable.map((u) => [u.id, u.problem]), [['imported:cut', 'truncated'], ['imported:garbage', 'not-a-dictionary']]);
  assert.match(unusable[0].message, /cut\.tfdict is truncated/);
  removeDictionary(folders, 'imported:garbage');
  assert.equal(existsSync(join(user, 'garbage.tfdict')), false, 'an unusable imported file can still be removed');
});

test('listing reads only headers: a dictionary too large to read whole lists instantly', () => {
  const { user, folders } = setUp();
  mkdirSync(user, { recursive: true });
  const atomCount = 1_100_000; // 2.25 GB of data: more than fs.readFileSync will read in one go
  const path = join(user, 'huge.tfdict');
  const header = encodeHeader({ ...metadataFor({ atoms: new Float32Array(0), atomCount, hiddenSize: 512 }, model, 'huge'), shape: [atomCount, 512], dtype: 'float32', layout: 'atom-major', dataSha256: '0'.repeat(64) });
  writeFileSync(path, header);
  truncateSync(path, header.length + atomCount * 512 * 4); // sparse: takes no disk space
  try {
    const started = performance.now();
    const { entries, unusable } = listDictionaries(folders);
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(unusable, []);
    assert.equal(entries.find((e) => e.id === 'imported:huge')?.atomCount, atomCount);
  } finally {
    rmSync(path);
  }
});

test('only imported dictionaries can be removed, with their catalog', () => {
  const { bundled, user, npy, folders } = setUp();
  const entry = importInto(user, npy, { model, name: 'to remove' });
  assert.equal(entry.id, 'imported:to-remove');
  writeFileSync(catalogPathFor(entry.path), '');
  assert.equal(problemOf(() => removeDictionary(folders, 'bundled:use-lite-brown')), 'not-removable');
  assert.ok(existsSync(join(bundled, 'use-lite-brown.tfdict')));
  assert.equal(problemOf(() => removeDictionary(folders, 'imported:use-lite-brown')), 'not-found');
  assert.equal(problemOf(() => removeDictionary(folders, 'imported:../../media/dictionaries/use-lite-brown')), 'not-found');
  assert.equal(problemOf(() => removeDictionary(folders, 'use-lite-brown')), 'not-found');
  assert.equal(problemOf(() => removeDictionary({ bundled }, entry.id)), 'not-found');
  assert.ok(existsSync(join(bundled, 'use-lite-brown.tfdict')));
  removeDictionary(folders, entry.id);
  assert.equal(existsSync(entry.path), false);
  assert.equal(existsSync(catalogPathFor(entry.path)), false);
  assert.deepEqual(listDictionaries(folders).entries.map((e) => e.id), ['bundled:use-lite-brown']);
});

test('importing twice under one name is refused; a bad import writes nothing', () => {
  const { root, user, npy, folders } = setUp();
  importInto(user, npy, { model });
  assert.equal(problemOf(() => importInto(user, npy, { model })), 'already-exists');
  assert.equal(importInto(user, npy, { model, name: 'second' }).id, 'imported:second');
  const transposed = join(root, 'transposed.npy');
  exportPaperNpy(unitDictionary(512, 8, 9), transposed);
  assert.equal(problemOf(() => importInto(user, transposed, { model })), 'npy-shape');
  assert.equal(listDictionaries(folders).entries.length, 3);
});

test('dictionary names become safe file names', () => {
  assert.equal(fileStemFor('my dict/v2: λ=0.3'), 'my-dict-v2-λ-0.3');
  assert.equal(fileStemFor('../../etc/passwd'), 'etc-passwd');
  assert.equal(fileStemFor('...'), 'dictionary');
  assert.equal(fileStemFor('CON'), 'dictionary-CON');
  assert.equal(fileStemFor('x'.repeat(300)).length, 100);
});
