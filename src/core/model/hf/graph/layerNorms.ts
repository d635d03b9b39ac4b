import type { GraphIndex } from './graphIndex';

/** One layer normalisation in a graph: the tensor it normalises, its result, and its nodes. */
export interface LayerNormSite {
  input: string;
  output: string;
  nodes: Set<number>;
  /** Index of the node producing `output`: sites sort in graph order by it. */
  order: number;
}

// What a decomposed LayerNorm is spelled with in exports (opset < 17, or exporters that keep it
// unfused): ReduceMean, Sub, Pow or Mul, Add ε, Sqrt, Div or Reciprocal·Mul, Mul γ, Add β.
const DECOMPOSED_OPS = new Set(['ReduceMean', 'Sub', 'Pow', 'Mul', 'Div', 'Add', 'Sqrt', 'Reciprocal', 'Cast']);
const FUSED_OPS = new Set(['SkipLayerNormalization', 'EmbedLayerNormalization', 'SkipSimplifiedLayerNormalization', 'SimplifiedLayerNormalization']);

/**
 * Finds every layer normalisation of a graph, in graph order: LayerNormalization nodes, and
 * decomposed ones recognised by their start, `x − ReduceMean(x)`, grown to every node computed
 * only from x and what the normalisation has computed so far.
 */
export function findLayerNorms(index: GraphIndex): LayerNormSite[] {
  const sites: LayerNormSite[] = [];
  index.nodes.forEach((node, i) => {
    if (FUSED_OPS.has(node.opType ?? '')) {
      throw new Error(`the graph uses the fused operator ${node.opType} (an ONNX Runtime-optimised export); use the plain, unoptimised onnx/model.onnx`);
    }
    if (node.opType === 'LayerNormalization') {
      sites.push({ input: node.input![0], output: node.output![0], nodes: new Set([i]), order: i });
    } else if (node.opType === 'ReduceMean') {
      const site = decomposedFrom(index, i);
      if (site) sites.push(site);
    }
  });
  return sites.sort((a, b) => a.order - b.order);
}

function decomposedFrom(index: GraphIndex, meanNode: number): LayerNormSite | undefined {
  const x = index.nodes[meanNode].input![0];
  const mean = index.nodes[meanNode].output![0];
  const centring = index.consumersOf(mean).find((c) => {
    const node = index.nodes[c];
    return node.opType === 'Sub' && node.input![0] === x && node.input![1] === mean;
  });
  if (centring === undefined) return undefined;
  const nodes = new Set([meanNode, centring]);
  const produced = new Set([mean, ...index.nodes[centring].output!]);
  // Nodes are topologically sorted: one forward sweep collects the closure.
  for (let i = Math.min(meanNode, centring) + 1; i < index.nodes.length; i++) {
    if (nodes.has(i) || !DECOMPOSED_OPS.has(index.nodes[i].opType ?? '')) continue;
    const inputs = index.activations(i);
    if (inputs.length && inputs.every((t) => produced.has(t) || t === x) && inputs.some((t) => produced.has(t))) {
      nodes.add(i);
      for (const output of index.nodes[i].output ?? []) produced.add(output);
    }
  }
  const means = [...nodes].filter((n) => index.nodes[n].opType === 'ReduceMean').length;
  const roots = [...nodes].filter((n) => ['Sqrt', 'Pow', 'Reciprocal'].includes(index.nodes[n].opType ?? '')).length;
  if (means !== 2 || roots === 0) return undefined;
  const last = Math.max(...nodes);
  return { input: x, output: index.nodes[last].output![0], nodes, order: last };
}
