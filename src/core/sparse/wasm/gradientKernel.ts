import { GRADIENT_WASM_BASE64 } from './gradientModule';

type GradientExport = (
  g: number, b: number, rows: number, coef: number, count: number,
  stride: number, blocked: number, threshold: number, list: number,
) => number;

let compiled: WebAssembly.Module | undefined;

/**
 * The active-set coder's full gradient g = Gα − b on 128-bit SIMD (gradient.wat, ~10× the
 * JavaScript loop): G = ΦᵀΦ lives in WebAssembly memory, each row padded to a multiple of 16
 * floats, next to one vector's b, g, blocked atoms and candidate list. Sums are float32; the
 * coder re-checks every candidate in double precision before it joins.
 */
export class GradientKernel {
  /** Floats per row of `gram` (K rounded up to a multiple of 16). */
  readonly stride: number;
  /** G, [K × stride], row k at k·stride. */
  readonly gram: Float32Array;
  /** b = Φᵀx of the vector being coded (entries past K are −∞). */
  readonly b: Float32Array;
  /** g = Gα − b after gradient(). */
  readonly g: Float32Array;
  /** 1 for atoms that may not be candidates (in the support, refused, or padding). */
  readonly blocked: Uint8Array;
  /** The candidates gradient() found, in atom order. */
  readonly candidates: Int32Array;
  private readonly rows: Int32Array;
  private readonly coef: Float32Array;
  private readonly at: { gram: number; b: number; g: number; blocked: number; candidates: number; rows: number; coef: number };
  private readonly run: GradientExport;

  constructor(gram: Float32Array, readonly atomCount: number, maxSupport: number) {
    const K = atomCount;
    const stride = Math.ceil(K / 16) * 16;
    this.stride = stride;
    let end = 0;
    const region = (bytes: number) => {
      const start = end;
      end = Math.ceil((end + bytes) / 64) * 64;
      return start;
    };
    this.at = {
      gram: region(K * stride * 4),
      b: region(stride * 4),
      g: region(stride * 4),
      blocked: region(stride),
      candidates: region(K * 4),
      rows: region(maxSupport * 4),
      coef: region(maxSupport * 4),
    };
    const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
    const buffer = memory.buffer;
    this.gram = new Float32Array(buffer, this.at.gram, K * stride);
    this.setGram(gram);
    this.b = new Float32Array(buffer, this.at.b, stride).fill(-Infinity);
    this.g = new Float32Array(buffer, this.at.g, stride);
    this.blocked = new Uint8Array(buffer, this.at.blocked, stride).fill(1);
    this.candidates = new Int32Array(buffer, this.at.candidates, K);
    this.rows = new Int32Array(buffer, this.at.rows, maxSupport);
    this.coef = new Float32Array(buffer, this.at.coef, maxSupport);
    compiled ??= new WebAssembly.Module(Buffer.from(GRADIENT_WASM_BASE64, 'base64'));
    const instance = new WebAssembly.Instance(compiled, { env: { memory } });
    this.run = instance.exports.gradient as GradientExport;
  }

  /** Copies G ([K × K], row-major) in, e.g. after the dictionary was updated. */
  setGram(gram: Float32Array): void {
    const K = this.atomCount;
    if (gram.length !== K * K) throw new Error(`the Gram matrix holds ${gram.length} values, not ${K} × ${K}`);
    for (let k = 0; k < K; k++) this.gram.set(gram.subarray(k * K, (k + 1) * K), k * this.stride);
  }

  /** Sets b (its first K entries) for the next vector. */
  setB(b: ArrayLike<number>): void {
    if (b instanceof Float32Array) this.b.set(b.subarray(0, this.atomCount));
    else for (let k = 0; k < this.atomCount; k++) this.b[k] = b[k];
  }

  /**
   * g = Gα − b for α given on `support` (its first `size` atoms), and the unblocked atoms with
   * g_k < threshold written to `candidates`; returns how many.
   */
  gradient(support: Int32Array, alpha: Float64Array, size: number, threshold: number): number {
    const rowBytes = this.stride * 4;
    for (let j = 0; j < size; j++) {
      this.rows[j] = this.at.gram + support[j] * rowBytes;
      this.coef[j] = alpha[j];
    }
    const { at } = this;
    return this.run(at.g, at.b, at.rows, at.coef, size, this.stride, at.blocked, threshold, at.candidates);
  }
}
