import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { OnnxGraphBuilder } from '../../../../../src/core/model/onnx/onnxGraphBuilder';
import { WeightMaker, type Weight } from './tinyWeights';
import { WORDPIECE_TOKENIZER_CONFIG, wordPieceTokenizerJson } from './tinyTokenizers';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

export interface BertLayerWeights {
  query: Weight; queryBias: Weight; key: Weight; keyBias: Weight; value: Weight; valueBias: Weight;
  attentionOut: Weight; attentionOutBias: Weight; attentionNormGain: Weight; attentionNormBias: Weight;
  intermediate: Weight; intermediateBias: Weight; output: Weight; outputBias: Weight; outputNormGain: Weight; outputNormBias: Weight;
}

export interface TinyBert {
  hidden: number; heads: number; layers: number; intermediate: number; positions: number; epsilon: number;
  words: Weight; positionEmbeddings: Weight; tokenTypes: Weight; embeddingNormGain: Weight; embeddingNormBias: Weight;
  blocks: BertLayerWeights[];
}

/** Random weights for a small BERT (hidden 32, 4 heads, 2 layers), the same for a seed. */
export function tinyBertWeights(vocabSize: number, seed: number): TinyBert {
  const make = new WeightMaker(seed);
  const hidden = 32;
  const intermediate = 64;
  const dense = (rows: number, cols: number) => make.matrix(rows, cols, 1 / Math.sqrt(rows));
  const bias = (size: number) => make.vector(size, 0.1);
  const gain = () => make.vector(hidden, 0.1, 1);
  return {
    hidden, heads: 4, layers: 2, intermediate, positions: 64, epsilon: 1e-12,
    words: make.matrix(vocabSize, hidden, 1), positionEmbeddings: make.matrix(64, hidden, 0.5), tokenTypes: make.matrix(2, hidden, 0.5),
    embeddingNormGain: gain(), embeddingNormBias: bias(hidden),
    blocks: Array.from({ length: 2 }, () => ({
      query: dense(hidden, hidden), queryBias: bias(hidden), key: dense(hidden, hidden), keyBias: bias(hidden),
      value: dense(hidden, hidden), valueBias: bias(hidden), attentionOut: dense(hidden, hidden), attentionOutBias: bias(hidden),
      attentionNormGain: gain(), attentionNormBias: bias(hidden),
      intermediate: dense(hidden, intermediate), intermediateBias: bias(intermediate), output: dense(intermediate, hidden), outputBias: bias(hidden),
      outputNormGain: gain(), outputNormBias: bias(hidden),
    })),
  };
}

/**
 * The graph a Transformers.js BERT export has (optimum, opset 14, feature extraction): Gather
 * embeddings, decomposed LayerNorms (ReduceMean, Sub, Pow, Sqrt, Div…), Linear layers as
 * MatMul + Add, scaled dot-product attention with an additive mask, erf GELU; its only output
 * is last_hidden_state.
 */
export function tinyBertOnnx(w: TinyBert): Uint8Array {
  const g = new OnnxGraphBuilder(14);
  let n = 0;
  const constant = (weight: Weight, dims = [weight.rows, weight.cols].filter((d, i) => i === 1 || d > 1)) => g.floatConstant(`w${n++}`, dims, weight.data);
  const scalar = (value: number) => g.floatConstant(`s${n++}`, [], new Float32Array([value]));
  const ids = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', INT64, ['batch_size', 'sequence_length']);
  const types = g.input('token_type_ids', INT64, ['batch_size', 'sequence_length']);
  const layerNorm = (x: string, gainWeight: Weight, biasWeight: Weight) => {
    const mean = g.op('ReduceMean', [x], { axes: [-1], keepdims: 1 });
    const centred = g.op('Sub', [x, mean]);
    const variance = g.op('ReduceMean', [g.op('Pow', [centred, scalar(2)])], { axes: [-1], keepdims: 1 });
    const normalised = g.op('Div', [centred, g.op('Sqrt', [g.op('Add', [variance, scalar(w.epsilon)])])]);
    return g.op('Add', [g.op('Mul', [normalised, constant(gainWeight)]), constant(biasWeight)]);
  };
  const linear = (x: string, weight: Weight, biasWeight: Weight) => g.op('Add', [constant(biasWeight), g.op('MatMul', [x, constant(weight)])]);

  const length = g.op('Unsqueeze', [g.op('Gather', [g.op('Shape', [ids]), g.int64Constant(`i${n++}`, [1])], { axis: 0 }), g.int64Constant(`i${n++}`, [0])]);
  const positionIds = g.op('Slice', [
    g.int64Constant('position_ids', Array.from({ length: w.positions }, (_, i) => i)), g.int64Constant(`i${n++}`, [0]), g.op('Reshape', [length, g.int64Constant(`i${n++}`, [1])]),
  ]);
  const embedded = g.op('Add', [
    g.op('Add', [g.op('Gather', [constant(w.words), ids], { axis: 0 }), g.op('Gather', [constant(w.tokenTypes), types], { axis: 0 })]),
    g.op('Gather', [constant(w.positionEmbeddings), positionIds], { axis: 0 }),
  ]);
  let h = layerNorm(embedded, w.embeddingNormGain, w.embeddingNormBias);
  const maskFloat = g.op('Cast', [g.op('Unsqueeze', [mask, g.int64Constant(`i${n++}`, [1, 2])])], { to: FLOAT });
  const additiveMask = g.op('Mul', [g.op('Sub', [scalar(1), maskFloat]), scalar(-3.4028234663852886e38)]);
  const headSize = w.hidden / w.heads;
  const splitHeads = (x: string, perm: number[]) => g.op('Transpose', [g.op('Reshape', [x, g.int64Constant(`i${n++}`, [0, 0, w.heads, headSize])])], { perm });
  w.blocks.forEach((b, index) => {
    const q = splitHeads(linear(h, b.query, b.queryBias), [0, 2, 1, 3]);
    const kT = splitHeads(linear(h, b.key, b.keyBias), [0, 2, 3, 1]);
    const v = splitHeads(linear(h, b.value, b.valueBias), [0, 2, 1, 3]);
    const scores = g.op('Add', [g.op('Div', [g.op('MatMul', [q, kT]), scalar(Math.sqrt(headSize))]), additiveMask]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), g.int64Constant(`i${n++}`, [0, 0, w.hidden])]);
    const attended = layerNorm(g.op('Add', [linear(merged, b.attentionOut, b.attentionOutBias), h]), b.attentionNormGain, b.attentionNormBias);
    const inner = linear(attended, b.intermediate, b.intermediateBias);
    const gelu = g.op('Mul', [g.op('Mul', [inner, g.op('Add', [g.op('Erf', [g.op('Div', [inner, scalar(Math.SQRT2)])]), scalar(1)])]), scalar(0.5)]);
    h = layerNorm(g.op('Add', [linear(gelu, b.output, b.outputBias), attended]), b.outputNormGain, b.outputNormBias);
    if (index === w.blocks.length - 1) g.op('Identity', [h], {}, 'last_hidden_state');
  });
  g.output('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', w.hidden]);
  return g.toBytes('tiny-bert', 'transformer-factors tests');
}

/** Writes a Hugging Face folder: config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx. */
export function writeTinyBert(dir: string, seed = 7): { weights: TinyBert; vocab: Map<string, number> } {
  const { json, vocab } = wordPieceTokenizerJson();
  const weights = tinyBertWeights(vocab.size, seed);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({
    _name_or_path: 'tiny-random-bert', architectures: ['BertModel'], model_type: 'bert', hidden_size: weights.hidden, num_hidden_layers: weights.layers,
    num_attention_heads: weights.heads, intermediate_size: weights.intermediate, max_position_embeddings: weights.positions, type_vocab_size: 2,
    vocab_size: vocab.size, layer_norm_eps: weights.epsilon, hidden_act: 'gelu', pad_token_id: 0,
  }, null, 2));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(json));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(WORDPIECE_TOKENIZER_CONFIG));
  writeFileSync(join(dir, 'onnx', 'model.onnx'), tinyBertOnnx(weights));
  return { weights, vocab };
}
