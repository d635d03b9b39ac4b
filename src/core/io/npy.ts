import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

// NumPy's .npy format, version 1.0, float32 little-endian, C order: what numpy.load expects.
const MAGIC = Buffer.from([0x93, ...Buffer.from('NUMPY'), 1, 0]);

export function npyHeader(shape: readonly number[]): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = MAGIC.length + 2 + dict.length + 1;
  dict += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const length = Buffer.alloc(2);
  length.writeUInt16LE(dict.length);
  return Buffer.concat([MAGIC, length, Buffer.from(dict, 'latin1')]);
}

export function writeNpy(path: string, shape: readonly number[], data: Float32Array): void {
  const writer = new NpyWriter(path, shape);
  writer.append(data);
  writer.close();
}

/** Writes a float32 .npy whose rows arrive in pieces, so a large matrix never sits in memory whole. */
export class NpyWriter {
  private readonly fd: number;
  private written = 0;
  private readonly expected: number;

  constructor(readonly path: string, shape: readonly number[]) {
    this.expected = shape.reduce((a, b) => a * b, 1);
    this.fd = openSync(path, 'w');
    writeSync(this.fd, npyHeader(shape));
  }

  append(values: Float32Array): void {
    writeSync(this.fd, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    this.written += values.length;
  }

  close(): void {
    closeSync(this.fd);
    if (this.written !== this.expected) throw new Error(`${this.path}: wrote ${this.written} values, the header promised ${this.expected}`);
  }
}

export interface NpyArray {
  shape: number[];
  data: Float32Array;
}

/** Reads a float32 (or float64, converted) .npy file in C order; anything else is rejected with a reason. */
export function readNpy(path: string): NpyArray {
  const bytes = readFileSync(path);
  if (bytes.length < 10 || !bytes.subarray(0, 6).equals(MAGIC.subarray(0, 6))) throw new Error(`${path} is not a .npy file (bad magic bytes)`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const headerStart = major === 1 ? 10 : 12;
  const header = bytes.subarray(headerStart, headerStart + headerLength).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new Error(`${path}: unreadable .npy header ${JSON.stringify(header.trim())}`);
  if (fortran === 'True') throw new Error(`${path} is stored in Fortran order; save it with numpy.ascontiguousarray first`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = bytes.subarray(headerStart + headerLength);
  const width = descr === '<f4' ? 4 : descr === '<f8' ? 8 : 0;
  if (!width) throw new Error(`${path} holds ${descr} values; expected float32 ('<f4') or float64 ('<f8')`);
  if (body.length !== count * width) throw new Error(`${path} is truncated or padded: ${body.length} bytes of data for shape (${shape.join(', ')})`);
  const copy = new Uint8Array(body).buffer;
  const data = width === 4 ? new Float32Array(copy) : Float32Array.from(new Float64Array(copy));
  return { shape, data };
}
