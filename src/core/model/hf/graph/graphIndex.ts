import type { onnx } from 'onnx-proto';

/** Who produces and who consumes each tensor of an ONNX graph, and which tensors are constants. */
export class GraphIndex {
  readonly nodes: onnx.INodeProto[];
  /** Tensor name → index of the node producing it. */
  readonly producer = new Map<string, number>();
  /** Tensor name → indexes of the nodes reading it. */
  readonly consumers = new Map<string, number[]>();
  /** Initializers, Constant outputs, and anything computed from constants alone. */
  readonly constants = new Set<string>();
  readonly graphOutputs: Set<string>;

  constructor(graph: onnx.IGraphProto) {
    this.nodes = graph.node ?? [];
    this.graphOutputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
    for (const initializer of graph.initializer ?? []) this.constants.add(initializer.name ?? '');
    // ONNX requires nodes in topological order, so one pass settles which outputs are constant.
    this.nodes.forEach((node, i) => {
      const inputs = activeInputs(node);
      for (const input of inputs) {
        const list = this.consumers.get(input);
        if (list) list.push(i);
        else this.consumers.set(input, [i]);
      }
      const constant = node.opType === 'Constant' || (inputs.length > 0 && inputs.every((input) => this.constants.has(input)));
      for (const output of node.output ?? []) {
        if (!output) continue;
        this.producer.set(output, i);
        if (constant) this.constants.add(output);
      }
    });
  }

  /** The inputs of node i that are computed at run time (not constants, not absent optionals). */
  activations(i: number): string[] {
    return activeInputs(this.nodes[i]).filter((input) => !this.constants.has(input));
  }

  consumersOf(tensor: string): number[] {
    return this.consumers.get(tensor) ?? [];
  }
}

function activeInputs(node: onnx.INodeProto): string[] {
  return (node.input ?? []).filter((input) => input !== '');
}
