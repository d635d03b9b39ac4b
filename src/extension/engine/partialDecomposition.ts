import { concatRows, type DocumentDecomposition, type FactorCoefficient } from '../../core/decompose/documentDecomposition';
import type { Token } from '../../core/tokenize/token';
import type { DecomposedSpan } from './engineProtocol';

/**
 * A document's decomposition as its spans arrive from the worker, in any order: what is known
 * can be shown (and hovered) before the rest is done.
 */
export class PartialDecomposition {
  private readonly spans: DecomposedSpan[] = [];
  /** Per token: the index of the span holding it, or −1 while it is not decomposed. */
  private readonly spanOfToken: Int32Array;
  private done = 0;
  /** Bumped on every new span, so derived views know when to recompute. */
  revision = 0;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly layers: readonly string[],
  ) {
    this.spanOfToken = new Int32Array(tokens.length).fill(-1);
  }

  static fromArrays(text: string, layers: readonly string[], ids: Uint32Array, starts: Uint32Array, ends: Uint32Array): PartialDecomposition {
    const tokens = Array.from(ids, (id, i) => ({ id, start: starts[i], end: ends[i], text: text.slice(starts[i], ends[i]) }));
    return new PartialDecomposition(text, tokens, layers);
  }

  add(span: DecomposedSpan): void {
    if (span.tokenEnd > this.tokens.length || span.codes.length !== this.layers.length) throw new Error('a span does not fit this document');
    if (span.tokenStart < span.tokenEnd && this.spanOfToken[span.tokenStart] >= 0) return;
    const index = this.spans.push(span) - 1;
    this.spanOfToken.fill(index, span.tokenStart, span.tokenEnd);
    this.done += span.tokenEnd - span.tokenStart;
    this.revision++;
  }

  get tokensDone(): number {
    return this.done;
  }

  get complete(): boolean {
    return this.done === this.tokens.length;
  }

  has(token: number): boolean {
    return this.spanOfToken[token] >= 0;
  }

  /** The token's non-zero factors at a layer, strongest first; undefined while not decomposed. */
  factorsAt(layer: number, token: number): FactorCoefficient[] | undefined {
    const row = this.row(layer, token);
    if (!row) return undefined;
    const out: FactorCoefficient[] = [];
    for (let j = row.from; j < row.to; j++) out.push({ id: row.indices[j], coefficient: row.values[j] });
    return out.sort((a, b) => b.coefficient - a.coefficient || a.id - b.id);
  }

  activeCount(layer: number, token: number): number {
    const row = this.row(layer, token);
    return row ? row.to - row.from : 0;
  }

  relativeResidual(layer: number, token: number): number | undefined {
    const s = this.spanOfToken[token];
    return s < 0 ? undefined : this.spans[s].relativeResiduals[layer][token - this.spans[s].tokenStart];
  }

  /** One factor's coefficient on every token (0 where inactive or not yet decomposed). */
  activations(layer: number, factor: number): Float32Array {
    const out = new Float32Array(this.tokens.length);
    for (const span of this.spans) {
      const { offsets, indices, values } = span.codes[layer];
      for (let t = span.tokenStart; t < span.tokenEnd; t++) {
        const r = t - span.tokenStart;
        for (let j = offsets[r]; j < offsets[r + 1]; j++) {
          if (indices[j] === factor) {
            out[t] = values[j];
            break;
          }
        }
      }
    }
    return out;
  }

  /** Each token's strongest factor at a layer (−1 when none or not decomposed) and its coefficient. */
  strongest(layer: number): { factors: Int32Array; coefficients: Float32Array } {
    const factors = new Int32Array(this.tokens.length).fill(-1);
    const coefficients = new Float32Array(this.tokens.length);
    for (const span of this.spans) {
      const { offsets, indices, values } = span.codes[layer];
      for (let t = span.tokenStart; t < span.tokenEnd; t++) {
        const r = t - span.tokenStart;
        for (let j = offsets[r]; j < offsets[r + 1]; j++) {
          if (values[j] > coefficients[t] || (values[j] === coefficients[t] && factors[t] >= 0 && indices[j] < factors[t])) {
            coefficients[t] = values[j];
            factors[t] = indices[j];
          }
        }
      }
    }
    return { factors, coefficients };
  }

  /** The whole decomposition in token order; only once every token is decomposed. */
  toDecomposition(): DocumentDecomposition {
    if (!this.complete) throw new Error(`only ${this.done} of ${this.tokens.length} tokens are decomposed`);
    const ordered = [...this.spans].sort((a, b) => a.tokenStart - b.tokenStart);
    return {
      tokens: [...this.tokens],
      layers: [...this.layers],
      codes: this.layers.map((_, l) => concatRows(ordered.map((s) => s.codes[l]))),
      relativeResiduals: this.layers.map((_, l) => {
        const out = new Float32Array(this.tokens.length);
        for (const s of ordered) out.set(s.relativeResiduals[l], s.tokenStart);
        return out;
      }),
    };
  }

  private row(layer: number, token: number): { indices: Uint32Array; values: Float32Array; from: number; to: number } | undefined {
    const s = this.spanOfToken[token];
    if (s === undefined || s < 0) return undefined;
    const span = this.spans[s];
    const { offsets, indices, values } = span.codes[layer];
    const r = token - span.tokenStart;
    return { indices, values, from: offsets[r], to: offsets[r + 1] };
  }
}
