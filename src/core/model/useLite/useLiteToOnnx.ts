import { onnx } from 'onnx-proto';
import { OnnxGraphBuilder } from '../onnx/onnxGraphBuilder';
import type { TfjsWeight } from '../tfjs/tfjsWeights';
import { USE_LITE_LAYERS, USE_LITE_MAX_LENGTH } from './useLiteLayers';

const ENCODE = 'module_apply_default/Encoder_en/KonaTransformer/Encode/';
const STACK = `${ENCODE}TransformerStack/`;
const VARIABLES = 'module/Encoder_en/KonaTransformer/Encode/';
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

/**
 * Rebuilds USE-Lite's transformer stack (TF.js graph weights) as an ONNX graph with dense
 * inputs `input_ids` / `attention_mask` [batch, sequence] that outputs the residual stream at
 * all five depths. The TF graph gathers real tokens, runs the dense layers and scatters them
 * back, so padded positions are zero in the dense outputs; multiplying by the mask reproduces
 * that. The exported graph adds the embedding twice (`Layer_0/add` = embedding + (embedding +
 * timing signal)), and so does this one. Pre-norm layers: x + Attention(LayerNorm(x)), then
 * x + FFN(LayerNorm(x)).
 */
export function useLiteToOnnx(weights: Map<string, TfjsWeight>): Uint8Array {
  const w = (name: string): TfjsWeight => {
    const found = weights.get(name);
    if (!found) throw new Error(`USE-Lite weight missing: ${name}`);
    return found;
  };
  const scalar = (name: string): number => w(name).data[0];
  const g = new OnnxGraphBuilder(18);
  const constant = (name: string, dims?: number[]): string => {
    const weight = w(name);
    return g.floatConstant(name, dims ?? weight.shape, weight.data as Float32Array);
  };
  const epsilon = scalar(`${STACK}Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`);
  const heads = scalar(`${STACK}Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2`);
  const maskedScore = scalar(`${STACK}Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y`);

  const ids = g.input('input_ids', INT64, ['batch', 'sequence']);
  const mask = g.op('Cast', [g.input('attention_mask', INT64, ['batch', 'sequence'])], { to: FLOAT });
  const mask3 = g.op('Unsqueeze', [mask, g.int64Constant('axis_last', [-1])]);
  const keyBias = g.op('Unsqueeze', [
    g.op('Mul', [g.op('Sub', [g.floatConstant('one', [], new Float32Array([1])), mask]), g.floatConstant('masked_score', [], new Float32Array([maskedScore]))]),
    g.int64Constant('axes_heads_queries', [1, 2]),
  ]);

  const dense = (x: string, kernel: string, bias: string, inDim: number, outDim: number): string =>
    g.op('Add', [g.op('MatMul', [x, constant(kernel, [inDim, outDim])]), constant(bias)]);
  // Spelled out in TF's own order, (scale · rsqrt(var + ε)) · (x − mean) + bias: ONNX Runtime's
  // fused LayerNormalization rounds differently and drifts ~2e-4 from the TF graph by the last depth.
  const epsilonConstant = g.floatConstant('layer_norm_epsilon', [], new Float32Array([epsilon]));
  const lastAxis = g.int64Constant('reduce_last', [-1]);
  const layerNorm = (x: string, prefix: string): string => {
    const centred = g.op('Sub', [x, g.op('ReduceMean', [x, lastAxis], { keepdims: 1 })]);
    const variance = g.op('ReduceMean', [g.op('Mul', [centred, centred]), lastAxis], { keepdims: 1 });
    const inverseStd = g.op('Reciprocal', [g.op('Sqrt', [g.op('Add', [variance, epsilonConstant])])]);
    const scaled = g.op('Mul', [g.op('Mul', [constant(`${prefix}/layer_norm_scale/ConcatPartitions/concat`), inverseStd]), centred]);
    return g.op('Add', [scaled, constant(`${prefix}/layer_norm_bias/ConcatPartitions/concat`)]);
  };

  const embedded = g.op('Gather', [constant('module/Embeddings_en'), ids], { axis: 0 });
  const sequenceLength = g.op('Shape', [ids], { start: 1, end: 2 });
  const timing = g.op('Slice', [
    g.floatConstant('timing_signal', [USE_LITE_MAX_LENGTH, 256], timingSignal(w(`${STACK}Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`).data as Float32Array)),
    g.int64Constant('zero', [0]),
    sequenceLength,
    g.int64Constant('axis_first', [0]),
  ]);
  const input = g.op('Mul', [g.op('Add', [g.op('Add', [embedded, embedded]), timing]), mask3]);

  const depths: string[] = [];
  const embed = g.op('Mul', [dense(input, `${ENCODE}Layer_0/TransformerLayer/dense/kernel/ConcatPartitions/concat`, `${ENCODE}Layer_0/TransformerLayer/dense/bias/ConcatPartitions/concat`, 256, 512), mask3]);
  depths.push(embed);

  let stream = embed;
  let attentionInput = input;
  for (const [layer, width] of [[0, 256], [1, 512]] as const) {
    const base = `Layer_${layer}/TransformerLayer/`;
    const headDim = width / heads;
    const normed = layerNorm(attentionInput, `${ENCODE}${base}layer_prepostprocess/layer_norm`);
    const qkv = dense(normed, `${VARIABLES}${base}MultiheadAttention/qkv_transform_single/kernel/part_0`, `${ENCODE}${base}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, width, 3 * width);
    const [q, k, v] = g.node('Split', [qkv, g.int64Constant(`split_${layer}`, [width, width, width])], { axis: -1 }, 3);
    const headShape = g.int64Constant(`head_shape_${layer}`, [0, 0, heads, headDim]);
    const toHeads = (x: string, perm: number[]): string => g.op('Transpose', [g.op('Reshape', [x, headShape])], { perm });
    const query = g.op('Mul', [toHeads(q, [0, 2, 1, 3]), constant(`${STACK}${base}MultiheadAttention/mul/y`)]);
    const scores = g.op('Add', [g.op('MatMul', [query, toHeads(k, [0, 2, 3, 1])]), keyBias]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), toHeads(v, [0, 2, 1, 3])]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), g.int64Constant(`merge_shape_${layer}`, [0, 0, width])]);
    const attention = dense(merged, `${VARIABLES}${base}MultiheadAttention/output_transform_single/kernel/part_0`, `${ENCODE}${base}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`, width, 512);
    stream = g.op('Add', [stream, attention]);
    depths.push(stream);

    const ffnIn = layerNorm(stream, `${ENCODE}${base}FFN/layer_prepostprocess/layer_norm`);
    const hidden = g.op('Relu', [dense(ffnIn, `${STACK}${base}FFN/conv1/Tensordot/Reshape_1`, `${ENCODE}${base}FFN/conv1/bias/ConcatPartitions/concat`, 512, 1536)]);
    const ffn = dense(hidden, `${STACK}${base}FFN/conv2/Tensordot/Reshape_1`, `${ENCODE}${base}FFN/conv2/bias/ConcatPartitions/concat`, 1536, 512);
    stream = g.op('Add', [stream, g.op('Mul', [ffn, mask3])]);
    depths.push(stream);
    attentionInput = stream;
  }

  USE_LITE_LAYERS.forEach((layer, i) => {
    g.op('Identity', [depths[i]], {}, layer.name);
    g.output(layer.name, FLOAT, ['batch', 'sequence', 512]);
  });
  return g.toBytes('use_lite_residual_stream', 'transformer-factors');
}

/** Sinusoidal timing signal [maxLength, 2·timescales]: sin(p·τ) then cos(p·τ), in float32 as the TF graph computes it. */
function timingSignal(inverseTimescales: Float32Array): Float32Array {
  const n = inverseTimescales.length;
  const table = new Float32Array(USE_LITE_MAX_LENGTH * 2 * n);
  for (let p = 0; p < USE_LITE_MAX_LENGTH; p++) {
    for (let k = 0; k < n; k++) {
      const angle = Math.fround(p * inverseTimescales[k]);
      table[p * 2 * n + k] = Math.sin(angle);
      table[p * 2 * n + n + k] = Math.cos(angle);
    }
  }
  return table;
}
