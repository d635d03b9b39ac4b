import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onnx } from 'onnx-proto';
import { exposeLayers } from '../../../../src/core/model/hf/graph/exposeLayers';
import { OnnxGraphBuilder } from '../../../../src/core/model/onnx/onnxGraphBuilder';
import { tinyBertOnnx, tinyBertWeights } from './support/tinyBert';
import { tinyGpt2Onnx, tinyGpt2Weights } from './support/tinyGpt2';

test('the rewritten graph outputs hidden_states.0 … N only, and keeps only what they need', () => {
  const bert = exposeLayers(tinyBertOnnx(tinyBertWeights(100, 1)), 2);
  assert.equal(bert.placement, 'post-norm');
  assert.deepEqual(bert.outputs, ['hidden_states.0', 'hidden_states.1', 'hidden_states.2']);
  assert.deepEqual(bert.inputs.map((i) => i.name), ['input_ids', 'attention_mask', 'token_type_ids']);
  const graph = onnx.GraphProto.create(onnx.ModelProto.decode(bert.bytes).graph!);
  assert.deepEqual(graph.output.map((o) => o.name), bert.outputs);
  // The last block's output is the last LayerNorm: nothing after it is left but the Identity that names it.
  assert.ok(!graph.node.some((n) => (n.output ?? []).includes('last_hidden_state')));

  const gpt2 = exposeLayers(tinyGpt2Onnx(tinyGpt2Weights(300, 1)), 2);
  assert.equal(gpt2.placement, 'pre-norm');
  const gpt2Graph = onnx.GraphProto.create(onnx.ModelProto.decode(gpt2.bytes).graph!);
  // ln_f only normalises the last state, which is read before it: it is dropped, with its weights.
  assert.equal(gpt2Graph.node.filter((n) => n.opType === 'LayerNormalization').length, 4);
});

test('graphs that are not BERT- or GPT-2-style, fused, or not float32 are refused with the reason', () => {
  assert.throws(() => exposeLayers(tinyBertOnnx(tinyBertWeights(100, 1)), 3), /found 5 layer normalisations where a 3-block .* graph has 7/);
  const fused = new OnnxGraphBuilder(17);
  const x = fused.input('input_ids', onnx.TensorProto.DataType.FLOAT, ['b', 's', 4]);
  fused.node('SkipLayerNormalization', [x, x], {}, ['last_hidden_state']);
  fused.output('last_hidden_state', onnx.TensorProto.DataType.FLOAT, ['b', 's', 4]);
  assert.throws(() => exposeLayers(fused.toBytes('fused', 'test'), 1), /fused operator SkipLayerNormalization/);
  const half = onnx.ModelProto.decode(tinyBertOnnx(tinyBertWeights(100, 1)));
  half.graph!.output![0].type!.tensorType!.elemType = onnx.TensorProto.DataType.FLOAT16;
  assert.throws(() => exposeLayers(onnx.ModelProto.encode(half).finish(), 2), /FLOAT16, not 32-bit floats/);
});
