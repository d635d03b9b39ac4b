import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { checkAtoms } from './checkAtoms';
import { checkModelMatch, type ModelIdentity } from './checkModelMatch';
import type { Dictionary, DictionaryMetadata } from './dictionary';
import { DictionaryError } from './dictionaryError';
import { DICTIONARY_FORMAT_VERSION, encodeHeader, type DictionaryFileHeader } from './dictionaryFormat';
import { metadataOf, openDictionary, readExactly, readHeaderAndLayout } from './dictionaryHeader';
import { littleEndianBytes, toHostOrder } from './littleEndianFloat32';

export { DICTIONARY_FORMAT_VERSION };

export interface DictionaryFile {
  dictionary: Dictionary;
  metadata: DictionaryMetadata;
  /** SHA-256 of Φ's bytes: identifies this exact dictionary (catalogs refer to it). */
  sha256: string;
}

/**
 * Writes a `.tfdict` (docs/dictionary-format.md) and returns the SHA-256 of its data. The file
 * appears whole or not at all: it is written beside its destination, then renamed over it.
 */
export function writeDictionaryFile(path: string, dictionary: Dictionary, metadata: DictionaryMetadata): string {
  const { atoms, atomCount, hiddenSize } = dictionary;
  if (atoms.length !== atomCount * hiddenSize) throw new Error(`dictionary "${metadata.name}" holds ${atoms.length} values, not ${atomCount} × ${hiddenSize}`);
  if (metadata.model.hiddenSize !== hiddenSize) throw new Error(`dictionary "${metadata.name}" has ${hiddenSize}-wide atoms but its metadata says model ${metadata.model.id} is ${metadata.model.hiddenSize} wide`);
  const data = littleEndianBytes(atoms);
  const dataSha256 = createHash('sha256').update(data).digest('hex');
  const header: DictionaryFileHeader = {
    ...metadata, formatVersion: DICTIONARY_FORMAT_VERSION, atomCount, shape: [atomCount, hiddenSize], dtype: 'float32', layout: 'atom-major', dataSha256,
  };
  const temporary = `${path}.${process.pid}.partial`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeAll(fd, encodeHeader(header));
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return dataSha256;
}

/**
 * Reads a `.tfdict` and checks it thoroughly: signature, version, header, size, checksum, finite
 * unit-norm atoms; with `expect.model`, also that it was made for that model (before reading Φ).
 */
export function readDictionaryFile(path: string, expect: { model?: ModelIdentity } = {}): DictionaryFile {
  const fd = openDictionary(path);
  try {
    const { header, dataOffset, dataLength } = readHeaderAndLayout(fd, path);
    const metadata = metadataOf(header);
    const [atomCount, hiddenSize] = header.shape;
    if (expect.model) checkModelMatch(path, metadata, hiddenSize, expect.model);
    const atoms = new Float32Array(atomCount * hiddenSize);
    const bytes = readExactly(fd, path, dataOffset, dataLength, new Uint8Array(atoms.buffer));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== header.dataSha256) {
      throw new DictionaryError(`dictionary ${path} is corrupt: its data does not match the checksum in its header (copy or download it again)`, 'checksum');
    }
    toHostOrder(atoms);
    checkAtoms(path, atoms, atomCount, hiddenSize);
    return { dictionary: { atoms, atomCount, hiddenSize }, metadata, sha256 };
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
