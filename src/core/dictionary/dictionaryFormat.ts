import type { DictionaryMetadata } from './dictionary';

// The `.tfdict` layout, specified in docs/dictionary-format.md:
// bytes 0–6 "TFDICT\0", byte 7 the format version, bytes 8–11 the header length H (uint32 LE),
// H bytes of UTF-8 JSON (space-padded so the data starts on a 64-byte boundary), then Φᵀ.
export const DICTIONARY_MAGIC = Buffer.from('TFDICT\0', 'latin1');
export const DICTIONARY_FORMAT_VERSION = 1;
export const VERSION_OFFSET = DICTIONARY_MAGIC.length;
export const HEADER_LENGTH_OFFSET = VERSION_OFFSET + 1;
export const HEADER_OFFSET = HEADER_LENGTH_OFFSET + 4;
export const DATA_ALIGNMENT = 64;
/** Far above any real header (a few hundred bytes); guards against reading garbage as a length. */
export const MAX_HEADER_LENGTH = 1 << 20;
export const DICTIONARY_EXTENSION = '.tfdict';

/** The JSON header: the metadata plus what is needed to read and verify the data section. */
export interface DictionaryFileHeader extends DictionaryMetadata {
  shape: [atomCount: number, hiddenSize: number];
  dtype: 'float32';
  layout: 'atom-major';
  /** SHA-256 (hex) of the data section's bytes: detects corruption, and identifies this exact Φ. */
  dataSha256: string;
}

export function dataByteLength(header: Pick<DictionaryFileHeader, 'shape'>): number {
  return header.shape[0] * header.shape[1] * Float32Array.BYTES_PER_ELEMENT;
}

/** Everything before the data section: signature, version, length and the padded JSON header. */
export function encodeHeader(header: DictionaryFileHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const padding = (DATA_ALIGNMENT - ((HEADER_OFFSET + json.length) % DATA_ALIGNMENT)) % DATA_ALIGNMENT;
  const prefix = Buffer.alloc(HEADER_OFFSET);
  DICTIONARY_MAGIC.copy(prefix);
  prefix[VERSION_OFFSET] = DICTIONARY_FORMAT_VERSION;
  prefix.writeUInt32LE(json.length + padding, HEADER_LENGTH_OFFSET);
  return Buffer.concat([prefix, json, Buffer.alloc(padding, ' ')]);
}
