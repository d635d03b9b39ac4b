import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { OnnxGraphBuilder } from '../../../../../src/core/model/onnx/onnxGraphBuilder';
import { WeightMaker, type Weight } from './tinyWeights';
import { BPE_TOKENIZER_CONFIG, byteLevelBpeTokenizerJson } from './tinyTokenizers';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const BOOL = onnx.TensorProto.DataType.BOOL;

export interface Gpt2BlockWeights {
  norm1Gain: Weight; norm1Bias: Weight; attention: Weight; attentionBias: Weight; projection: Weight; projectionBias: Weight;
  norm2Gain: Weight; norm2Bias: Weight; up: Weight; upBias: Weight; down: Weight; downBias: Weight;
}

export interface TinyGpt2 {
  hidden: number; heads: number; layers: number; positions: number; epsilon: number;
  tokens: Weight; positionEmbeddings: Weight; blocks: Gpt2BlockWeights[]; finalGain: Weight; finalBias: Weight;
}

export function tinyGpt2Weights(vocabSize: number, seed: number): TinyGpt2 {
  const make = new WeightMaker(seed);
  const hidden = 32;
  const dense = (rows: number, cols: number) => make.matrix(rows, cols, 1 / Math.sqrt(rows));
  const bias = (size: number) => make.vector(size, 0.1);
  const gain = () => make.vector(hidden, 0.1, 1);
  return {
    hidden, heads: 4, layers: 2, positions: 128, epsilon: 1e-5,
    tokens: make.matrix(vocabSize, hidden, 0.5), positionEmbeddings: make.matrix(128, hidden, 0.3),
    blocks: Array.from({ length: 2 }, () => ({
      norm1Gain: gain(), norm1Bias: bias(hidden), attention: dense(hidden, 3 * hidden), attentionBias: bias(3 * hidden),
      projection: dense(hidden, hidden), projectionBias: bias(hidden), norm2Gain: gain(), norm2Bias: bias(hidden),
      up: dense(hidden, 4 * hidden), upBias: bias(4 * hidden), down: dense(4 * hidden, hidden), downBias: bias(hidden),
    })),
    finalGain: gain(), finalBias: bias(hidden),
  };
}

/**
 * The graph a Transformers.js GPT-2 feature-extraction export has (opset 17): wte + wpe Gathers,
 * pre-norm blocks with LayerNormalization nodes, Conv1D as MatMul + Add, the fused c_attn split in
 * three, a causal mask sliced from a constant and applied with Where, an additive padding mask,
 * tanh GELU spelled with Pow/Tanh, and ln_f; its only output is last_hidden_state.
 */
export function tinyGpt2Onnx(w: TinyGpt2): Uint8Array {
  const g = new OnnxGraphBuilder(17);
  let n = 0;
  const constant = (weight: Weight, dims = [weight.rows, weight.cols].filter((d, i) => i === 1 || d > 1)) => g.floatConstant(`w${n++}`, dims, weight.data);
  const scalar = (value: number) => g.floatConstant(`s${n++}`, [], new Float32Array([value]));
  const ints = (values: number[]) => g.int64Constant(`i${n++}`, values);
  const ids = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', INT64, ['batch_size', 'sequence_length']);
  const positions = g.input('position_ids', INT64, ['batch_size', 'sequence_length']);
  const layerNorm = (x: string, gain: Weight, bias: Weight) => g.op('LayerNormalization', [x, constant(gain), constant(bias)], { axis: -1, epsilon: { float: w.epsilon } });
  const conv1d = (x: string, weight: Weight, bias: Weight) => g.op('Add', [constant(bias), g.op('MatMul', [x, constant(weight)])]);

  let h = g.op('Add', [g.op('Gather', [constant(w.tokens), ids], { axis: 0 }), g.op('Gather', [constant(w.positionEmbeddings), positions], { axis: 0 })]);
  const length = g.op('Shape', [ids], { start: 1, end: 2 });
  const lowerTriangle = Float32Array.from({ length: w.positions * w.positions }, (_, i) => (i % w.positions <= Math.floor(i / w.positions) ? 1 : 0));
  const causalAll = g.op('Cast', [g.floatConstant(`causal${n++}`, [1, 1, w.positions, w.positions], lowerTriangle)], { to: BOOL });
  const causal = g.op('Slice', [causalAll, ints([0, 0]), g.op('Concat', [length, length], { axis: 0 }), ints([2, 3])]);
  const padding = g.op('Mul', [g.op('Sub', [scalar(1), g.op('Cast', [g.op('Unsqueeze', [mask, ints([1, 2])])], { to: FLOAT })]), scalar(-3.4028234663852886e38)]);
  const headSize = w.hidden / w.heads;
  const heads = (x: string, perm: number[]) => g.op('Transpose', [g.op('Reshape', [x, ints([0, 0, w.heads, headSize])])], { perm });
  for (const b of w.blocks) {
    const [q, k, v] = g.node('Split', [conv1d(layerNorm(h, b.norm1Gain, b.norm1Bias), b.attention, b.attentionBias), ints([w.hidden, w.hidden, w.hidden])], { axis: 2 }, 3);
    const scores = g.op('Div', [g.op('MatMul', [heads(q, [0, 2, 1, 3]), heads(k, [0, 2, 3, 1])]), scalar(Math.sqrt(headSize))]);
    const masked = g.op('Add', [g.op('Where', [causal, scores, scalar(-3.4028234663852886e38)]), padding]);
    const context = g.op('MatMul', [g.op('Softmax', [masked], { axis: -1 }), heads(v, [0, 2, 1, 3])]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), ints([0, 0, w.hidden])]);
    h = g.op('Add', [conv1d(merged, b.projection, b.projectionBias), h]);
    const up = conv1d(layerNorm(h, b.norm2Gain, b.norm2Bias), b.up, b.upBias);
    const cubic = g.op('Add', [up, g.op('Mul', [scalar(0.044715), g.op('Pow', [up, scalar(3)])])]);
    const gelu = g.op('Mul', [g.op('Mul', [scalar(0.5), up]), g.op('Add', [scalar(1), g.op('Tanh', [g.op('Mul', [scalar(Math.sqrt(2 / Math.PI)), cubic])])])]);
    h = g.op('Add', [conv1d(gelu, b.down, b.downBias), h]);
  }
  g.op('Identity', [layerNorm(h, w.finalGain, w.finalBias)], {}, 'last_hidden_state');
  g.output('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', w.hidden]);
  return g.toBytes('tiny-gpt2', 'transformer-factors tests');
}

export function writeTinyGpt2(dir: string, seed = 11): { weights: TinyGpt2; vocab: Map<string, number> } {
  const { json, vocab } = byteLevelBpeTokenizerJson();
  const weights = tinyGpt2Weights(vocab.size, seed);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({
    _name_or_path: 'tiny-random-gpt2', architectures: ['GPT2Model'], model_type: 'gpt2', n_embd: weights.hidden, n_layer: weights.layers,
    n_head: weights.heads, n_positions: weights.positions, n_ctx: weights.positions, vocab_size: vocab.size,
    layer_norm_epsilon: weights.epsilon, activation_function: 'gelu_new', bos_token_id: vocab.size - 1, eos_token_id: vocab.size - 1,
  }, null, 2));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(json));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(BPE_TOKENIZER_CONFIG));
  writeFileSync(join(dir, 'onnx', 'model.onnx'), tinyGpt2Onnx(weights));
  return { weights, vocab };
}
