import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ModelInfo } from '../model/modelInfo';
import type { Dictionary, DictionaryMetadata } from './dictionary';
import { DictionaryError } from './dictionaryError';

// Format (docs/dictionary-format.md): "TFDICT\0" + version byte, uint32 LE header length, UTF-8
// JSON header padded with spaces so the data starts on a 64-byte boundary, then Φᵀ as float32 LE.
const MAGIC = Buffer.from('TFDICT\0', 'latin1');
export const DICTIONARY_FORMAT_VERSION = 1;
const UNIT_NORM_TOLERANCE = 1e-3;

interface Header extends DictionaryMetadata {
  shape: [number, number];
  dtype: 'float32';
  layout: 'atom-major';
  dataSha256: string;
}

export interface DictionaryFile {
  dictionary: Dictionary;
  metadata: DictionaryMetadata;
  /** SHA-256 of Φ's bytes: identifies this exact dictionary (catalogs refer to it). */
  sha256: string;
}

export function writeDictionaryFile(path: string, dictionary: Dictionary, metadata: DictionaryMetadata): string {
  const data = Buffer.from(dictionary.atoms.buffer, dictionary.atoms.byteOffset, dictionary.atoms.byteLength);
  const dataSha256 = createHash('sha256').update(data).digest('hex');
  const header: Header = { ...metadata, formatVersion: DICTIONARY_FORMAT_VERSION, atomCount: dictionary.atomCount, shape: [dictionary.atomCount, dictionary.hiddenSize], dtype: 'float32', layout: 'atom-major', dataSha256 };
  let json = JSON.stringify(header);
  json += ' '.repeat((64 - ((MAGIC.length + 1 + 4 + Buffer.byteLength(json)) % 64)) % 64);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(Buffer.byteLength(json));
  writeFileSync(path, Buffer.concat([MAGIC, Buffer.of(DICTIONARY_FORMAT_VERSION), length, Buffer.from(json), data]));
  return dataSha256;
}

/** Reads a .tfdict file and checks it thoroughly; with `expect.model`, also that it fits that model. */
export function readDictionaryFile(path: string, expect: { model?: Pick<ModelInfo, 'id' | 'hiddenSize' | 'onnxSha256'> } = {}): DictionaryFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DictionaryError(`cannot read dictionary ${path}: ${(error as Error).message}`, { cause: error });
  }
  const header = readHeader(path, bytes);
  const [atomCount, hiddenSize] = header.shape;
  const dataStart = MAGIC.length + 1 + 4 + bytes.readUInt32LE(MAGIC.length + 1);
  const expected = atomCount * hiddenSize * 4;
  const dataLength = bytes.length - dataStart;
  if (dataLength < expected) throw new DictionaryError(`dictionary ${path} is truncated: ${dataLength} bytes of data, ${expected} expected for ${atomCount} × ${hiddenSize}`);
  if (dataLength > expected) throw new DictionaryError(`dictionary ${path} has ${dataLength - expected} unexpected bytes after its data`);
  const data = bytes.subarray(dataStart);
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (sha256 !== header.dataSha256) throw new DictionaryError(`dictionary ${path} is corrupt: its data does not match the checksum in its header`);
  const atoms = new Float32Array(new Uint8Array(data).buffer);
  checkValues(path, atoms, atomCount, hiddenSize);
  const { shape: _shape, dtype: _dtype, layout: _layout, dataSha256: _sha, ...metadata } = header;
  if (expect.model) checkModel(path, metadata, hiddenSize, expect.model);
  return { dictionary: { atoms, atomCount, hiddenSize }, metadata, sha256 };
}

/** Only the header: listing dictionaries must not load every Φ. */
export function readDictionaryHeader(path: string): DictionaryMetadata & { shape: [number, number] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DictionaryError(`cannot read dictionary ${path}: ${(error as Error).message}`, { cause: error });
  }
  const { dtype: _d, layout: _l, dataSha256: _s, ...rest } = readHeader(path, bytes);
  return rest;
}

function readHeader(path: string, bytes: Buffer): Header {
  if (bytes.length < MAGIC.length + 5 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DictionaryError(`${path} is not a Transformer Factors dictionary (.tfdict): it does not start with the format's signature`);
  }
  const version = bytes[MAGIC.length];
  if (version !== DICTIONARY_FORMAT_VERSION) throw new DictionaryError(`dictionary ${path} uses format version ${version}; this extension reads version ${DICTIONARY_FORMAT_VERSION}`);
  const length = bytes.readUInt32LE(MAGIC.length + 1);
  const start = MAGIC.length + 5;
  if (start + length > bytes.length) throw new DictionaryError(`dictionary ${path} is truncated inside its header`);
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(start, start + length).toString('utf8')) as Header;
  } catch (error) {
    throw new DictionaryError(`dictionary ${path} has an unreadable header: ${(error as Error).message}`, { cause: error });
  }
  const missing = ['name', 'model', 'layers', 'lambda', 'shape', 'dataSha256'].filter((key) => header[key as keyof Header] === undefined);
  if (missing.length) throw new DictionaryError(`dictionary ${path} lacks header fields: ${missing.join(', ')}`);
  if (header.dtype !== 'float32' || header.layout !== 'atom-major') throw new DictionaryError(`dictionary ${path} holds ${header.dtype} ${header.layout} data; only float32 atom-major is supported`);
  const [atomCount, hiddenSize] = header.shape;
  if (!(Number.isInteger(atomCount) && atomCount > 0 && Number.isInteger(hiddenSize) && hiddenSize > 0)) {
    throw new DictionaryError(`dictionary ${path} has an invalid shape ${JSON.stringify(header.shape)}`);
  }
  return header;
}

function checkValues(path: string, atoms: Float32Array, atomCount: number, hiddenSize: number): void {
  let bad = 0;
  let firstBad = -1;
  for (let i = 0; i < atoms.length; i++) {
    if (!Number.isFinite(atoms[i])) {
      if (firstBad < 0) firstBad = Math.floor(i / hiddenSize);
      bad++;
    }
  }
  if (bad) throw new DictionaryError(`dictionary ${path} holds ${bad} NaN or infinite values (first in atom ${firstBad})`);
  for (let k = 0; k < atomCount; k++) {
    let squares = 0;
    for (let h = k * hiddenSize; h < (k + 1) * hiddenSize; h++) squares += atoms[h] * atoms[h];
    const norm = Math.sqrt(squares);
    if (Math.abs(norm - 1) > UNIT_NORM_TOLERANCE) throw new DictionaryError(`dictionary ${path}: atom ${k} has norm ${norm.toFixed(4)}; atoms must have unit norm`);
  }
}

function checkModel(path: string, metadata: DictionaryMetadata, hiddenSize: number, model: Pick<ModelInfo, 'id' | 'hiddenSize' | 'onnxSha256'>): void {
  if (hiddenSize !== model.hiddenSize) {
    throw new DictionaryError(`dictionary "${metadata.name}" (${path}) has ${hiddenSize}-wide atoms but model ${model.id} has ${model.hiddenSize}-wide hidden states: choose the model it was made for (${metadata.model.id})`);
  }
  if (metadata.model.id !== model.id) {
    throw new DictionaryError(`dictionary "${metadata.name}" was made for model ${metadata.model.id}, not ${model.id}: switch to that model, or import the dictionary again for ${model.id}`);
  }
  if (metadata.model.onnxSha256 && model.onnxSha256 && metadata.model.onnxSha256 !== model.onnxSha256) {
    throw new DictionaryError(`dictionary "${metadata.name}" was made for a different build of model ${model.id} (its weights differ): retrain or re-import it for this model`);
  }
}
