import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { DictionaryMetadata } from './dictionary';
import { DictionaryError } from './dictionaryError';
import {
  DICTIONARY_FORMAT_VERSION, DICTIONARY_MAGIC, HEADER_LENGTH_OFFSET, HEADER_OFFSET, MAX_HEADER_LENGTH, VERSION_OFFSET,
  dataByteLength, type DictionaryFileHeader,
} from './dictionaryFormat';
import { parseHeader } from './parseHeader';

/** A checked header and where the data section it describes lies in the file. */
export interface HeaderAndLayout {
  header: DictionaryFileHeader;
  dataOffset: number;
  dataLength: number;
}

/** What listing a dictionary needs, read without touching Φ. */
export interface DictionaryHeaderInfo {
  metadata: DictionaryMetadata;
  atomCount: number;
  hiddenSize: number;
  dataSha256: string;
}

/** Reads and checks a dictionary file's header and size, without reading its data. */
export function readDictionaryHeader(path: string): DictionaryHeaderInfo {
  const fd = openDictionary(path);
  try {
    const { header } = readHeaderAndLayout(fd, path);
    return { metadata: metadataOf(header), atomCount: header.shape[0], hiddenSize: header.shape[1], dataSha256: header.dataSha256 };
  } finally {
    closeSync(fd);
  }
}

export function openDictionary(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    throw new DictionaryError(`cannot read dictionary ${path}: ${(error as Error).message}`, 'unreadable', { cause: error });
  }
}

/** Checks signature, version, header and that the file is exactly as long as its shape says. */
export function readHeaderAndLayout(fd: number, path: string): HeaderAndLayout {
  const fileSize = fstatSync(fd).size;
  const prefix = readExactly(fd, path, 0, Math.min(HEADER_OFFSET, fileSize));
  if (prefix.length < VERSION_OFFSET || !prefix.subarray(0, VERSION_OFFSET).equals(DICTIONARY_MAGIC)) {
    throw new DictionaryError(`${path} is not a Transformer Factors dictionary (.tfdict): it does not start with the format's signature "TFDICT"`, 'not-a-dictionary');
  }
  if (prefix.length < HEADER_OFFSET) throw new DictionaryError(`dictionary ${path} is truncated: it ends inside its signature`, 'truncated');
  const version = prefix[VERSION_OFFSET];
  if (version !== DICTIONARY_FORMAT_VERSION) {
    const advice = version > DICTIONARY_FORMAT_VERSION ? 'it was written by a newer version of Transformer Factors: update the extension' : 'export it again with this version';
    throw new DictionaryError(`dictionary ${path} uses format version ${version}, but this version reads format ${DICTIONARY_FORMAT_VERSION}: ${advice}`, 'unsupported-version');
  }
  const headerLength = prefix.readUInt32LE(HEADER_LENGTH_OFFSET);
  if (headerLength > MAX_HEADER_LENGTH) throw new DictionaryError(`dictionary ${path} has an unreadable header (it claims to be ${headerLength} bytes long)`, 'bad-header');
  const dataOffset = HEADER_OFFSET + headerLength;
  if (dataOffset > fileSize) throw new DictionaryError(`dictionary ${path} is truncated: it ends inside its header (${fileSize} bytes, header ends at ${dataOffset})`, 'truncated');
  const header = parseHeader(path, readExactly(fd, path, HEADER_OFFSET, headerLength).toString('utf8'), version);
  const dataLength = dataByteLength(header);
  const [atomCount, hiddenSize] = header.shape;
  const actual = fileSize - dataOffset;
  if (actual < dataLength) {
    throw new DictionaryError(`dictionary ${path} is truncated: ${actual} bytes of data, ${dataLength} expected for ${atomCount} atoms × ${hiddenSize} float32 values (copy or download it again)`, 'truncated');
  }
  if (actual > dataLength) {
    throw new DictionaryError(`dictionary ${path} has ${actual - dataLength} unexpected bytes after its ${atomCount} × ${hiddenSize} data (it is damaged, or not what its header says)`, 'trailing-bytes');
  }
  return { header, dataOffset, dataLength };
}

/** The header without the fields that only describe the data section. */
export function metadataOf(header: DictionaryFileHeader): DictionaryMetadata {
  const { shape: _shape, dtype: _dtype, layout: _layout, dataSha256: _dataSha256, ...metadata } = header;
  return metadata;
}

/** Reads `length` bytes at `position` into `target` (a fresh buffer by default), or explains why not. */
export function readExactly(fd: number, path: string, position: number, length: number, target: Uint8Array = Buffer.alloc(length)): Buffer {
  let done = 0;
  try {
    while (done < length) {
      const n = readSync(fd, target, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
  } catch (error) {
    throw new DictionaryError(`cannot read dictionary ${path}: ${(error as Error).message}`, 'unreadable', { cause: error });
  }
  if (done < length) throw new DictionaryError(`dictionary ${path} is truncated: it ended while being read`, 'truncated');
  return Buffer.from(target.buffer, target.byteOffset, length);
}
