import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDictionaryFile, writeDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import { DictionaryError, type DictionaryProblem } from '../../../src/core/dictionary/dictionaryError';
import { readDictionaryHeader } from '../../../src/core/dictionary/dictionaryHeader';
import { writeNpy } from '../../../src/core/io/npy';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { readModelInfo } from '../../../src/core/model/modelInfo';
import { dataOffsetOf, editedCopy, metadataFor, tempDir, unitDictionary, withHeader } from './testDictionaries';

const dir = tempDir('file');
const model = readModelInfo(bundledModelDir());
const dictionary = unitDictionary(32, model.hiddenSize);
const metadata = metadataFor(dictionary, model);
const path = join(dir, 'good.tfdict');
const sha256 = writeDictionaryFile(path, dictionary, metadata);
const dataBytes = 32 * 512 * 4;

function rejects(file: string, problem: DictionaryProblem, message: RegExp, expect: Parameters<typeof readDictionaryFile>[1] = {}): void {
  assert.throws(() => readDictionaryFile(file, expect), (error: unknown) => {
    assert.ok(error instanceof DictionaryError, `expected a DictionaryError, got ${String(error)}`);
    assert.equal(error.problem, problem, error.message);
    assert.match(error.message, message);
    assert.ok(error.message.includes(file), `the message names the file: ${error.message}`);
    return true;
  });
}

test('a dictionary round-trips bit-exactly with its metadata, checked against the real bundled model', () => {
  const read = readDictionaryFile(path, { model });
  assert.deepEqual(Buffer.from(read.dictionary.atoms.buffer), Buffer.from(dictionary.atoms.buffer));
  assert.equal(read.dictionary.atomCount, 32);
  assert.equal(read.dictionary.hiddenSize, 512);
  assert.deepEqual(read.metadata, metadata);
  assert.equal(read.sha256, sha256);
});

test('the file is laid out as docs/dictionary-format.md says', () => {
  const bytes = readFileSync(path);
  assert.deepEqual(bytes.subarray(0, 8), Buffer.from('TFDICT\0\x01', 'latin1'));
  const dataOffset = dataOffsetOf(bytes);
  assert.equal(dataOffset % 64, 0);
  assert.equal(bytes.length, dataOffset + dataBytes);
  const header = JSON.parse(bytes.subarray(12, dataOffset).toString('utf8'));
  assert.deepEqual(header.shape, [32, 512]);
  assert.equal(header.dtype, 'float32');
  assert.equal(header.layout, 'atom-major');
  assert.equal(header.model.id, 'use-lite');
  const data = bytes.subarray(dataOffset);
  assert.equal(header.dataSha256, createHash('sha256').update(data).digest('hex'));
  assert.equal(data.readFloatLE((3 * 512 + 7) * 4), dictionary.atoms[3 * 512 + 7]);
});

test('the header alone can be read, without Φ', () => {
  const info = readDictionaryHeader(path);
  assert.equal(info.atomCount, 32);
  assert.equal(info.hiddenSize, 512);
  assert.equal(info.dataSha256, sha256);
  assert.deepEqual(info.metadata, metadata);
});

test('a missing file or something that is not a dictionary is named as such', () => {
  rejects(join(dir, 'absent.tfdict'), 'unreadable', /cannot read dictionary .*absent\.tfdict/);
  const text = join(dir, 'notes.tfdict');
  writeFileSync(text, 'hello, world: not a dictionary');
  rejects(text, 'not-a-dictionary', /is not a Transformer Factors dictionary \(\.tfdict\)/);
  const npy = join(dir, 'phi.tfdict');
  writeNpy(npy, [2, 2], new Float32Array(4));
  rejects(npy, 'not-a-dictionary', /not a Transformer Factors dictionary/);
  const empty = join(dir, 'empty.tfdict');
  writeFileSync(empty, '');
  rejects(empty, 'not-a-dictionary', /not a Transformer Factors dictionary/);
});

test('another format version is refused, saying which and what to do', () => {
  rejects(editedCopy(path, join(dir, 'v2.tfdict'), (b) => ((b[7] = 2), b)), 'unsupported-version', /format version 2, but this version reads format 1: .*newer version.*update the extension/);
  rejects(editedCopy(path, join(dir, 'v0.tfdict'), (b) => ((b[7] = 0), b)), 'unsupported-version', /format version 0/);
});

test('an unreadable header or one lacking fields lists what is wrong', () => {
  rejects(editedCopy(path, join(dir, 'json.tfdict'), (b) => ((b[12] = 0x3c), b)), 'bad-header', /unreadable header \(not valid JSON/);
  rejects(editedCopy(path, join(dir, 'array.tfdict'), (b) => withHeader(b, () => [1, 2])), 'bad-header', /unreadable header \(a JSON object was expected\)/);
  const lacking = editedCopy(path, join(dir, 'lacking.tfdict'), (b) => withHeader(b, (h) => {
    delete h.name;
    delete h.lambda;
    (h.model as Record<string, unknown>).hiddenSize = 'wide';
    h.layout = 'hidden-major';
  }));
  rejects(lacking, 'bad-header', /unusable header: name is missing; model\.hiddenSize must be a positive integer; lambda is missing; layout must be "atom-major"/);
  const disagreeing = editedCopy(path, join(dir, 'disagree.tfdict'), (b) => withHeader(b, (h) => void (h.atomCount = 33)));
  rejects(disagreeing, 'bad-header', /atomCount \(33\) disagrees with shape \[32, 512\]/);
  rejects(editedCopy(path, join(dir, 'huge.tfdict'), (b) => (b.writeUInt32LE(0xfffffff0, 8), b)), 'bad-header', /claims to be 4294967280 bytes long/);
});

test('a truncated file or one with trailing bytes is refused with the sizes', () => {
  rejects(editedCopy(path, join(dir, 'cut.tfdict'), (b) => b.subarray(0, b.length - 10)), 'truncated', /truncated: 65526 bytes of data, 65536 expected for 32 atoms × 512/);
  rejects(editedCopy(path, join(dir, 'cut-header.tfdict'), (b) => b.subarray(0, 40)), 'truncated', /truncated: it ends inside its header/);
  rejects(editedCopy(path, join(dir, 'cut-signature.tfdict'), (b) => b.subarray(0, 9)), 'truncated', /ends inside its signature/);
  rejects(editedCopy(path, join(dir, 'long.tfdict'), (b) => Buffer.concat([b, Buffer.alloc(8)])), 'trailing-bytes', /8 unexpected bytes after its 32 × 512 data/);
});

test('a flipped bit in Φ fails the checksum', () => {
  const flipped = editedCopy(path, join(dir, 'flip.tfdict'), (b) => ((b[dataOffsetOf(b) + 1001] ^= 0x10), b));
  rejects(flipped, 'checksum', /is corrupt: its data does not match the checksum/);
});

test('NaN or infinite values are counted, with the first atom holding one', () => {
  const bad = { ...dictionary, atoms: Float32Array.from(dictionary.atoms) };
  bad.atoms[3 * 512 + 7] = NaN;
  bad.atoms[3 * 512 + 8] = NaN;
  bad.atoms[9 * 512] = -Infinity;
  writeDictionaryFile(join(dir, 'nan.tfdict'), bad, metadata);
  rejects(join(dir, 'nan.tfdict'), 'non-finite', /holds 3 NaN or infinite values in 2 atoms \(first in atom 3\)/);
});

test('atoms that are not unit-norm are named', () => {
  const off = { ...dictionary, atoms: Float32Array.from(dictionary.atoms) };
  for (let h = 0; h < 512; h++) off.atoms[5 * 512 + h] *= 2;
  for (let h = 0; h < 512; h++) off.atoms[20 * 512 + h] *= 0.5;
  off.atoms[7 * 512] *= 1.0001; // well inside the tolerance
  writeDictionaryFile(join(dir, 'norm.tfdict'), off, metadata);
  rejects(join(dir, 'norm.tfdict'), 'not-unit-norm', /2 atoms that are not unit-norm \(tolerance 0\.001\): atom 5 has norm 2\.0000, atom 20 has norm 0\.50000$/);
});

test('a dictionary for another model is refused, saying which model it was made for and what to do', () => {
  const wide = unitDictionary(4, 768, 2);
  const bert = join(dir, 'bert.tfdict');
  writeDictionaryFile(bert, wide, metadataFor(wide, { id: 'bert-base-uncased', layers: ['0', '2'] }, 'bert-dict'));
  rejects(bert, 'hidden-size', /dictionary "bert-dict" .* has 768-wide atoms but model use-lite has 512-wide hidden states: it was made for model bert-base-uncased; choose that model/, { model });
  const other = join(dir, 'other.tfdict');
  writeDictionaryFile(other, dictionary, metadataFor(dictionary, { id: 'other-model', layers: [] }, 'other-dict'));
  rejects(other, 'wrong-model', /"other-dict" .* was made for model other-model, not use-lite: choose model other-model, or.* import its \.npy again naming use-lite/, { model });
  const build = join(dir, 'build.tfdict');
  writeDictionaryFile(build, dictionary, metadataFor(dictionary, { ...model, onnxSha256: 'ab'.repeat(32) }));
  rejects(build, 'wrong-model-build', /different build of model use-lite \(model\.onnx abababababab…, this one is d8bf3f506ac3…\)/, { model });
  // Without the model, or when one side does not know its build, nothing is compared.
  assert.equal(readDictionaryFile(bert).dictionary.hiddenSize, 768);
  const unknownBuild = join(dir, 'unknown-build.tfdict');
  writeDictionaryFile(unknownBuild, dictionary, metadataFor(dictionary, { id: model.id, layers: model.layers }));
  assert.equal(readDictionaryFile(unknownBuild, { model }).dictionary.atomCount, 32);
  assert.equal(readDictionaryFile(path, { model: { id: 'use-lite', hiddenSize: 512 } }).dictionary.atomCount, 32);
});

test('writing refuses a dictionary whose shape disagrees with itself or its metadata, and leaves no partial file', () => {
  assert.throws(() => writeDictionaryFile(join(dir, 'short.tfdict'), { ...dictionary, atomCount: 33 }, metadata), /holds 16384 values, not 33 × 512/);
  assert.throws(() => writeDictionaryFile(join(dir, 'meta.tfdict'), dictionary, { ...metadata, model: { ...metadata.model, hiddenSize: 768 } }), /512-wide atoms but its metadata says .* 768/);
  assert.throws(() => writeDictionaryFile(join(dir, 'absent-folder', 'x.tfdict'), dictionary, metadata), /ENOENT/);
  const again = join(dir, 'again.tfdict');
  writeDictionaryFile(again, unitDictionary(2, 512, 9), metadata);
  writeDictionaryFile(again, dictionary, metadata);
  assert.equal(readDictionaryFile(again).dictionary.atomCount, 32);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.partial')), []);
});
