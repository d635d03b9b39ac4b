import { endianness } from 'node:os';

// Files hold little-endian float32; Float32Array uses the host's byte order. Every platform
// Node ships for today is little-endian except s390x, so the swaps below rarely run.
const hostIsLittleEndian = endianness() === 'LE';

/** The values' bytes in little-endian order (a view when the host already is, else a swapped copy). */
export function littleEndianBytes(values: Float32Array): Buffer {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return hostIsLittleEndian ? bytes : Buffer.from(bytes).swap32();
}

/** Turns little-endian file bytes, read into `values`' own buffer, into host order in place. */
export function toHostOrder(values: Float32Array): void {
  if (!hostIsLittleEndian) Buffer.from(values.buffer, values.byteOffset, values.byteLength).swap32();
}
