import { GraphIndex } from './graphIndex';
import type { onnx } from 'onnx-proto';
import { findLayerNorms, type LayerNormSite } from './layerNorms';

export type NormPlacement = 'post-norm' | 'pre-norm';

/** The tensors holding each layer's hidden states: the embeddings first, then one per block. */
export interface LayerTensors {
  placement: NormPlacement;
  tensors: string[];
}

/**
 * Finds the hidden states a Hugging Face model reports as `hidden_states`, in graph order.
 * An N-block BERT-style or GPT-2-style graph has 2N + 1 layer normalisations on its main path.
 * - Post-norm (BERT, RoBERTa, DistilBERT, MiniLM): the embeddings' LayerNorm, then two per block
 *   (after attention, after the feed-forward part); each block's output is its second one's result.
 * - Pre-norm (GPT-2): two per block (before attention, before the MLP), then the final ln_f; the
 *   residual stream enters them, so the states are the inputs of the first of each pair and of ln_f.
 * Which kind a graph is shows in its first LayerNorm: in a pre-norm graph its input also feeds a
 * residual Add, in a post-norm graph nothing else.
 */
export function findLayerTensors(graph: onnx.IGraphProto, blocks: number): LayerTensors {
  const index = new GraphIndex(graph);
  const norms = findLayerNorms(index);
  if (norms.length !== 2 * blocks + 1) {
    throw new Error(`found ${norms.length} layer normalisations where a ${blocks}-block BERT- or GPT-2-style graph has ${2 * blocks + 1}; ` +
      'this architecture is not supported (supported: BERT, RoBERTa, DistilBERT, MiniLM, GPT-2)');
  }
  const placement: NormPlacement = feedsResidual(index, norms[0]) ? 'pre-norm' : 'post-norm';
  const boundaries = norms.filter((_, i) => i % 2 === 0);
  return { placement, tensors: boundaries.map((norm) => (placement === 'pre-norm' ? norm.input : norm.output)) };
}

function feedsResidual(index: GraphIndex, norm: LayerNormSite): boolean {
  return index.consumersOf(norm.input).some((c) => !norm.nodes.has(c) && index.nodes[c].opType === 'Add' && index.activations(c).length === 2);
}
