import * as ort from 'onnxruntime-node';
import type { GraphInputSpec } from './graph/exposeLayers';

const INT32 = 6;
const INT64 = 7;
const FLOAT = 1;

/** One padded batch: token ids and which positions are real, row-major [batch × width]. */
export interface PaddedBatch {
  ids: number[];
  mask: number[];
  batch: number;
  width: number;
}

/**
 * The tensors an exported Hugging Face graph takes, filled for one batch: ids, mask, token types
 * (all 0), positions (0, 1, …), and, for exports that keep a key/value cache, an empty cache.
 */
export function graphFeeds(inputs: readonly GraphInputSpec[], padded: PaddedBatch): Record<string, ort.Tensor> {
  const { batch, width } = padded;
  const dims = [batch, width];
  const integers = (spec: GraphInputSpec, values: ArrayLike<number>): ort.Tensor => {
    if (spec.elemType === INT32) return new ort.Tensor('int32', Int32Array.from(values), dims);
    if (spec.elemType === INT64) return new ort.Tensor('int64', BigInt64Array.from(Array.from(values, BigInt)), dims);
    throw new Error(`graph input ${spec.name} has element type ${spec.elemType}; expected 32- or 64-bit integers`);
  };
  const feeds: Record<string, ort.Tensor> = {};
  for (const spec of inputs) {
    if (spec.name === 'input_ids') feeds[spec.name] = integers(spec, padded.ids);
    else if (spec.name === 'attention_mask') feeds[spec.name] = integers(spec, padded.mask);
    else if (spec.name === 'token_type_ids') feeds[spec.name] = integers(spec, new Array<number>(batch * width).fill(0));
    else if (spec.name === 'position_ids') feeds[spec.name] = integers(spec, Array.from({ length: batch * width }, (_, i) => i % width));
    else if (/^past(_key_values)?\./.test(spec.name)) feeds[spec.name] = emptyCache(spec, batch);
    else if (spec.name === 'use_cache_branch') feeds[spec.name] = new ort.Tensor('bool', new Uint8Array([0]), [1]);
    else throw new Error(`the graph takes an input "${spec.name}" that this engine does not know how to fill`);
  }
  return feeds;
}

/** A key/value cache holding no positions: the batch dimension is the batch, the (only) symbolic length 0. */
function emptyCache(spec: GraphInputSpec, batch: number): ort.Tensor {
  if (spec.elemType !== FLOAT) throw new Error(`graph input ${spec.name} is not float32`);
  const dims = spec.dims.map((d, i) => (i === 0 ? batch : typeof d === 'number' && d > 0 ? d : 0));
  if (!dims.includes(0)) throw new Error(`cannot tell the cache length dimension of graph input ${spec.name} (dims ${JSON.stringify(spec.dims)})`);
  return new ort.Tensor('float32', new Float32Array(0), dims);
}
