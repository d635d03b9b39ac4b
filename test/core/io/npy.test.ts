import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npyHeader, NpyWriter, readNpy, writeNpy } from '../../../src/core/io/npy';

const dir = mkdtempSync(join(tmpdir(), 'npy-'));

test('the header follows the .npy 1.0 layout: magic, 64-byte aligned dict, newline', () => {
  const header = npyHeader([3, 4]);
  assert.equal(header.length % 64, 0);
  assert.deepEqual([...header.subarray(0, 8)], [0x93, 78, 85, 77, 80, 89, 1, 0]);
  assert.equal(header.readUInt16LE(8), header.length - 10);
  assert.match(header.toString('latin1'), /\{'descr': '<f4', 'fortran_order': False, 'shape': \(3, 4\), \} *\n$/);
  assert.match(npyHeader([5]).toString('latin1'), /'shape': \(5,\)/);
});

test('written arrays read back exactly, also when streamed in pieces', () => {
  const data = Float32Array.from({ length: 12 }, (_, i) => i * 0.5 - 3);
  writeNpy(join(dir, 'a.npy'), [3, 4], data);
  assert.deepEqual(readNpy(join(dir, 'a.npy')), { shape: [3, 4], data });
  const writer = new NpyWriter(join(dir, 'b.npy'), [3, 4]);
  writer.append(data.subarray(0, 5));
  writer.append(data.subarray(5));
  writer.close();
  assert.deepEqual(readFileSync(join(dir, 'b.npy')), readFileSync(join(dir, 'a.npy')));
});

test('a writer that receives fewer values than its header promised fails on close', () => {
  const writer = new NpyWriter(join(dir, 'short.npy'), [2, 2]);
  writer.append(new Float32Array(3));
  assert.throws(() => writer.close(), /wrote 3 values, the header promised 4/);
});

test('bad files are rejected with the reason', () => {
  writeFileSync(join(dir, 'text.npy'), 'hello world');
  assert.throws(() => readNpy(join(dir, 'text.npy')), /not a \.npy file/);
  const good = readFileSync(join(dir, 'a.npy'));
  writeFileSync(join(dir, 'cut.npy'), good.subarray(0, good.length - 4));
  assert.throws(() => readNpy(join(dir, 'cut.npy')), /truncated/);
  const int = Buffer.from(good);
  int.write("'<i4'", int.indexOf("'<f4'"), 'latin1');
  writeFileSync(join(dir, 'int.npy'), int);
  assert.throws(() => readNpy(join(dir, 'int.npy')), /holds <i4 values/);
});
