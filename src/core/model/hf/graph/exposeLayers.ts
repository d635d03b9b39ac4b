import { onnx } from 'onnx-proto';
import { findLayerTensors, type NormPlacement } from './layerTensors';

/** A graph input the encoder must feed: its name, element type and dims (numbers or symbolic names). */
export interface GraphInputSpec {
  name: string;
  elemType: number;
  dims: Array<number | string>;
}

export interface ExposedLayers {
  /** The rewritten model, serialised. */
  bytes: Uint8Array;
  /** Output names, in order: `hidden_states.0` (embeddings) to `hidden_states.N`. */
  outputs: string[];
  inputs: GraphInputSpec[];
  placement: NormPlacement;
}

/**
 * Rewrites an exported model so that it outputs every layer's hidden states as
 * `hidden_states.0` … `hidden_states.N`, and nothing else: the original outputs
 * (last_hidden_state, or logits and the key/value cache) and every node and weight only they
 * needed are dropped.
 */
export function exposeLayers(modelBytes: Uint8Array, blocks: number): ExposedLayers {
  const model = onnx.ModelProto.decode(modelBytes);
  const graph = model.graph;
  if (!graph) throw new Error('the ONNX file holds no graph');
  if ((graph.initializer ?? []).some((t) => t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL)) {
    throw new Error('the graph keeps its weights in a separate file (ONNX external data); models of more than 2 GB are not supported');
  }
  const { tensors, placement } = findLayerTensors(graph, blocks);
  const outputs = tensors.map((_, i) => `hidden_states.${i}`);
  const elemType = floatTypeOf(graph);
  graph.node = [...(graph.node ?? []), ...tensors.map((tensor, i) => onnx.NodeProto.create({ opType: 'Identity', input: [tensor], output: [outputs[i]], name: `expose_${outputs[i]}` }))];
  graph.output = outputs.map((name) => onnx.ValueInfoProto.create({
    name, type: { tensorType: { elemType, shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }, {}] } } },
  }));
  prune(graph);
  const inputs = (graph.input ?? []).map((input) => ({
    name: input.name ?? '',
    elemType: input.type?.tensorType?.elemType ?? 0,
    dims: (input.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue ?? 0))),
  }));
  return { bytes: onnx.ModelProto.encode(model).finish(), outputs, inputs, placement };
}

/** The element type of the original outputs: the exposed states have the same. */
function floatTypeOf(graph: onnx.IGraphProto): number {
  const elemType = graph.output?.[0]?.type?.tensorType?.elemType ?? onnx.TensorProto.DataType.FLOAT;
  if (elemType !== onnx.TensorProto.DataType.FLOAT) {
    throw new Error(`the graph computes in ${onnx.TensorProto.DataType[elemType] ?? elemType}, not 32-bit floats: use the full-precision onnx/model.onnx`);
  }
  return elemType;
}

/** Keeps only the nodes, weights, inputs and value infos the graph's outputs need. */
function prune(graph: onnx.IGraphProto): void {
  const nodes = graph.node ?? [];
  const producer = new Map<string, number>();
  nodes.forEach((node, i) => node.output?.forEach((output) => producer.set(output, i)));
  const needed = new Set<string>();
  const keep = new Set<number>();
  const pending = (graph.output ?? []).map((o) => o.name ?? '');
  while (pending.length) {
    const tensor = pending.pop()!;
    if (needed.has(tensor)) continue;
    needed.add(tensor);
    const i = producer.get(tensor);
    if (i === undefined || keep.has(i)) continue;
    keep.add(i);
    for (const input of [...(nodes[i].input ?? []), ...subgraphInputs(nodes[i])]) if (input) pending.push(input);
  }
  graph.node = nodes.filter((_, i) => keep.has(i));
  graph.initializer = (graph.initializer ?? []).filter((t) => needed.has(t.name ?? ''));
  graph.input = (graph.input ?? []).filter((t) => needed.has(t.name ?? '') && !graph.initializer!.some((init) => init.name === t.name));
  graph.valueInfo = (graph.valueInfo ?? []).filter((v) => needed.has(v.name ?? ''));
}

/** Outer tensors an If/Loop/Scan body may read: every name its nodes use. */
function subgraphInputs(node: onnx.INodeProto): string[] {
  const names: string[] = [];
  const visit = (graph: onnx.IGraphProto | null | undefined): void => {
    for (const inner of graph?.node ?? []) {
      names.push(...(inner.input ?? []));
      for (const attribute of inner.attribute ?? []) {
        visit(attribute.g);
        attribute.graphs?.forEach(visit);
      }
    }
  };
  for (const attribute of node.attribute ?? []) {
    visit(attribute.g);
    attribute.graphs?.forEach(visit);
  }
  return names;
}
