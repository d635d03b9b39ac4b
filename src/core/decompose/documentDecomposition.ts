import type { SparseCodes } from '../sparse/sparseCodes';
import type { Dictionary } from '../dictionary/dictionary';
import type { DocumentEncodeOptions } from '../encode/documentEncoder';
import type { LoadedModel } from '../model/loadedModel';
import type { Token } from '../tokenize/token';
import { decomposeDocument, type LayerCoder } from './decomposeDocument';

/** Every token of a document with its sparse codes at every layer: only non-zeros are kept. */
export interface DocumentDecomposition {
  tokens: Token[];
  layers: string[];
  /** Per layer: CSR rows, one per token. */
  codes: SparseCodes[];
  /** Per layer: ‖x − Φα‖ / ‖x‖ per token. */
  relativeResiduals: Float32Array[];
}

export interface FactorCoefficient {
  id: number;
  coefficient: number;
}

export async function decomposeText(
  model: LoadedModel,
  dictionary: Dictionary,
  code: LayerCoder,
  text: string,
  options: DocumentEncodeOptions & { onProgress?: (tokensDone: number, tokens: number) => void } = {},
): Promise<DocumentDecomposition> {
  const tokens = model.tokenizer.tokenize(text);
  const layers = model.info.layers;
  const parts = layers.map(() => [] as SparseCodes[]);
  const residuals = layers.map(() => new Float32Array(tokens.length));
  for await (const chunk of decomposeDocument(model, dictionary, code, tokens, text, options)) {
    chunk.codes.forEach((rows, layer) => parts[layer].push(rows));
    chunk.relativeResiduals.forEach((r, layer) => residuals[layer].set(r, chunk.tokenStart));
    options.onProgress?.(chunk.tokenEnd, tokens.length);
  }
  return { tokens, layers, codes: parts.map(concatRows), relativeResiduals: residuals };
}

/** The token's non-zero factors at a layer, strongest first. */
export function factorsOf(decomposition: DocumentDecomposition, layer: number, token: number): FactorCoefficient[] {
  const rows = decomposition.codes[layer];
  const out: FactorCoefficient[] = [];
  for (let j = rows.offsets[token]; j < rows.offsets[token + 1]; j++) out.push({ id: rows.indices[j], coefficient: rows.values[j] });
  return out.sort((a, b) => b.coefficient - a.coefficient || a.id - b.id);
}

/** One factor's coefficient on every token at a layer (0 where inactive). */
export function factorActivations(decomposition: DocumentDecomposition, layer: number, factor: number): Float32Array {
  const rows = decomposition.codes[layer];
  const out = new Float32Array(decomposition.tokens.length);
  for (let t = 0; t < out.length; t++) {
    for (let j = rows.offsets[t]; j < rows.offsets[t + 1]; j++) if (rows.indices[j] === factor) out[t] = rows.values[j];
  }
  return out;
}

export function concatRows(parts: readonly SparseCodes[]): SparseCodes {
  const rows = parts.reduce((n, p) => n + p.offsets.length - 1, 0);
  const nonZeros = parts.reduce((n, p) => n + p.values.length, 0);
  const offsets = new Uint32Array(rows + 1);
  const indices = new Uint32Array(nonZeros);
  const values = new Float32Array(nonZeros);
  let row = 0;
  let at = 0;
  for (const part of parts) {
    const count = part.offsets.length - 1;
    for (let i = 1; i <= count; i++) offsets[row + i] = at + part.offsets[i] - part.offsets[0];
    indices.set(part.indices.subarray(part.offsets[0], part.offsets[count]), at);
    values.set(part.values.subarray(part.offsets[0], part.offsets[count]), at);
    row += count;
    at += part.offsets[count] - part.offsets[0];
  }
  const withResiduals = parts.every((part) => part.relativeResiduals);
  if (!withResiduals) return { offsets, indices, values };
  const relativeResiduals = new Float32Array(rows);
  row = 0;
  for (const part of parts) {
    relativeResiduals.set(part.relativeResiduals!, row);
    row += part.offsets.length - 1;
  }
  return { offsets, indices, values, relativeResiduals };
}
