import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dictionary, DictionaryMetadata } from '../../../src/core/dictionary/dictionary';
import type { ModelInfo } from '../../../src/core/model/modelInfo';

/** A fresh temporary folder, removed when the test file's tests are done. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tfdict-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A reproducible dictionary of unit-norm atoms (uniform entries, normalised in float64). */
export function unitDictionary(atomCount: number, hiddenSize: number, seed = 1): Dictionary {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const atoms = new Float32Array(atomCount * hiddenSize);
  for (let k = 0; k < atomCount; k++) {
    const atom = Float64Array.from({ length: hiddenSize }, () => random() * 2 - 1);
    const norm = Math.hypot(...atom);
    atom.forEach((value, h) => (atoms[k * hiddenSize + h] = value / norm));
  }
  return { atoms, atomCount, hiddenSize };
}

export function metadataFor(dictionary: Dictionary, model: Pick<ModelInfo, 'id' | 'layers'> & { onnxSha256?: string }, name = 'test'): DictionaryMetadata {
  return {
    formatVersion: 1,
    name,
    model: { id: model.id, hiddenSize: dictionary.hiddenSize, ...(model.onnxSha256 ? { onnxSha256: model.onnxSha256 } : {}) },
    layers: model.layers,
    atomCount: dictionary.atomCount,
    lambda: 0.5,
    training: { corpus: 'brown', seed: 1, epochs: 2 },
    createdAt: '2026-11-25T00:00:00.000Z',
  };
}

/** Copies a file with its bytes edited, for making damaged variants. */
export function editedCopy(from: string, to: string, edit: (bytes: Buffer) => Buffer): string {
  writeFileSync(to, edit(Buffer.from(readFileSync(from))));
  return to;
}

/** Where Φ starts in a .tfdict, read the way the spec says (12 + the header length at bytes 8–11). */
export function dataOffsetOf(bytes: Buffer): number {
  return 12 + bytes.readUInt32LE(8);
}

/** Replaces a .tfdict's JSON header (re-padded to 64 bytes), keeping its data section as is. */
export function withHeader(bytes: Buffer, edit: (header: Record<string, unknown>) => unknown): Buffer {
  const start = dataOffsetOf(bytes);
  const header = JSON.parse(bytes.subarray(12, start).toString('utf8')) as Record<string, unknown>;
  const json = Buffer.from(JSON.stringify(edit(header) ?? header));
  const padded = Buffer.concat([json, Buffer.alloc((64 - ((12 + json.length) % 64)) % 64, ' ')]);
  const prefix = Buffer.from(bytes.subarray(0, 12));
  prefix.writeUInt32LE(padded.length, 8);
  return Buffer.concat([prefix, padded, bytes.subarray(start)]);
}
