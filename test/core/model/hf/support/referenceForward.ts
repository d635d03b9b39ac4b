// An independent forward pass of the tiny models, written from the architectures' definitions
// with ml-matrix in double precision: what Hugging Face's `output_hidden_states` gives.
import { Matrix } from 'ml-matrix';
import type { TinyBert } from './tinyBert';
import type { TinyGpt2 } from './tinyGpt2';
import type { Weight } from './tinyWeights';

const matrix = (w: Weight): Matrix => new Matrix(Array.from({ length: w.rows }, (_, r) => Array.from(w.data.subarray(r * w.cols, (r + 1) * w.cols))));
const row = (w: Weight): Matrix => Matrix.rowVector(Array.from(w.data));

function rowsOf(table: Weight, ids: number[]): Matrix {
  return new Matrix(ids.map((id) => Array.from(table.data.subarray(id * table.cols, (id + 1) * table.cols))));
}

function linear(x: Matrix, weight: Weight, bias: Weight): Matrix {
  return x.mmul(matrix(weight)).addRowVector(row(bias));
}

function layerNorm(x: Matrix, gain: Weight, bias: Weight, epsilon: number): Matrix {
  const out = new Matrix(x.rows, x.columns);
  for (let r = 0; r < x.rows; r++) {
    const values = x.getRow(r);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    const scale = 1 / Math.sqrt(variance + epsilon);
    values.forEach((v, c) => out.set(r, c, (v - mean) * scale * gain.data[c] + bias.data[c]));
  }
  return out;
}

function softmaxRows(x: Matrix): Matrix {
  const out = new Matrix(x.rows, x.columns);
  for (let r = 0; r < x.rows; r++) {
    const values = x.getRow(r);
    const max = Math.max(...values);
    const exps = values.map((v) => (Number.isFinite(v) ? Math.exp(v - max) : 0));
    const sum = exps.reduce((a, b) => a + b, 0);
    exps.forEach((e, c) => out.set(r, c, e / sum));
  }
  return out;
}

/** Multi-head attention of one sequence; `causal` hides later positions (GPT-2). */
function attention(q: Matrix, k: Matrix, v: Matrix, heads: number, causal: boolean): Matrix {
  const size = q.columns / heads;
  const out = new Matrix(q.rows, q.columns);
  for (let h = 0; h < heads; h++) {
    const columns = (m: Matrix) => m.subMatrix(0, m.rows - 1, h * size, (h + 1) * size - 1);
    const scores = columns(q).mmul(columns(k).transpose()).div(Math.sqrt(size));
    if (causal) for (let i = 0; i < scores.rows; i++) for (let j = i + 1; j < scores.columns; j++) scores.set(i, j, -Infinity);
    out.setSubMatrix(softmaxRows(scores).mmul(columns(v)), 0, h * size);
  }
  return out;
}

// Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), far inside the tests' tolerance.
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

const map = (x: Matrix, f: (v: number) => number): Matrix => new Matrix(x.to2DArray().map((r) => r.map(f)));

/** BERT's hidden_states for one sequence (ids with [CLS]/[SEP]): the embeddings, then each layer's output. */
export function bertHiddenStates(w: TinyBert, ids: number[]): Matrix[] {
  const embedded = rowsOf(w.words, ids).add(rowsOf(w.tokenTypes, ids.map(() => 0))).add(rowsOf(w.positionEmbeddings, ids.map((_, i) => i)));
  let h = layerNorm(embedded, w.embeddingNormGain, w.embeddingNormBias, w.epsilon);
  const states = [h];
  for (const b of w.blocks) {
    const context = attention(linear(h, b.query, b.queryBias), linear(h, b.key, b.keyBias), linear(h, b.value, b.valueBias), w.heads, false);
    const attended = layerNorm(linear(context, b.attentionOut, b.attentionOutBias).add(h), b.attentionNormGain, b.attentionNormBias, w.epsilon);
    const inner = map(linear(attended, b.intermediate, b.intermediateBias), (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)));
    h = layerNorm(linear(inner, b.output, b.outputBias).add(attended), b.outputNormGain, b.outputNormBias, w.epsilon);
    states.push(h);
  }
  return states;
}

/** GPT-2's residual stream for one sequence: the embeddings, then after each block; and ln_f of the last. */
export function gpt2HiddenStates(w: TinyGpt2, ids: number[]): { states: Matrix[]; final: Matrix } {
  let h = rowsOf(w.tokens, ids).add(rowsOf(w.positionEmbeddings, ids.map((_, i) => i)));
  const states = [h];
  const d = w.hidden;
  for (const b of w.blocks) {
    const qkv = linear(layerNorm(h, b.norm1Gain, b.norm1Bias, w.epsilon), b.attention, b.attentionBias);
    const part = (i: number) => qkv.subMatrix(0, qkv.rows - 1, i * d, (i + 1) * d - 1);
    h = linear(attention(part(0), part(1), part(2), w.heads, true), b.projection, b.projectionBias).add(h);
    const up = map(linear(layerNorm(h, b.norm2Gain, b.norm2Bias, w.epsilon), b.up, b.upBias),
      (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))));
    h = linear(up, b.down, b.downBias).add(h);
    states.push(h);
  }
  return { states, final: layerNorm(h, w.finalGain, w.finalBias, w.epsilon) };
}
