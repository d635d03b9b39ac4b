import { onnx } from 'onnx-proto';

/**
 * Integers, integer lists and strings map to ONNX INT/INTS/STRING; a float is wrapped as
 * `{ float: x }`, a subgraph (e.g. a Loop's body, from another builder's `toGraph`) as `{ graph: g }`.
 */
export type AttributeValue = number | number[] | string | { float: number } | { graph: onnx.IGraphProto };
export type Dim = number | string;

/** Appends nodes, constants and declared inputs/outputs to an ONNX graph and serialises it. */
export class OnnxGraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private counter = 0;

  /** `namePrefix` starts every generated name, so a subgraph's names never clash with its outer graph's. */
  constructor(private readonly opset: number, private readonly namePrefix = '') {}

  input(name: string, elemType: onnx.TensorProto.DataType, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: onnx.TensorProto.DataType, dims: Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  floatConstant(name: string, dims: number[], data: Float32Array): string {
    if (dims.reduce((a, b) => a * b, 1) !== data.length) throw new Error(`constant ${name}: ${data.length} values for dims [${dims}]`);
    this.initializers.push({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: bytesOf(data) });
    return name;
  }

  int64Constant(name: string, values: number[]): string {
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: bytesOf(data) });
    return name;
  }

  /** Adds a node; returns the names of its outputs (fresh names unless given). */
  node(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, outputs?: string[] | number): string[] {
    const count = typeof outputs === 'number' ? outputs : 1;
    const outNames = Array.isArray(outputs) ? outputs : Array.from({ length: count }, () => `${this.namePrefix}${opType}_${this.counter++}`);
    this.nodes.push({
      opType,
      input: inputs,
      output: outNames,
      name: `${this.namePrefix}${opType}_node_${this.counter++}`,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return outNames;
  }

  /** Shorthand for a node with exactly one output. */
  op(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, output?: string): string {
    return this.node(opType, inputs, attributes, output ? [output] : 1)[0];
  }

  /** The graph built so far, e.g. as a subgraph attribute of another builder's node. */
  toGraph(graphName: string): onnx.IGraphProto {
    return { name: graphName, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs };
  }

  toBytes(graphName: string, producer: string): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: '', version: this.opset }],
      graph: this.toGraph(graphName),
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, elemType: onnx.TensorProto.DataType, dims: Dim[]): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): onnx.IAttributeProto {
  const { AttributeType } = onnx.AttributeProto;
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === 'object') {
    return 'graph' in value ? { name, type: AttributeType.GRAPH, g: value.graph } : { name, type: AttributeType.FLOAT, f: value.float };
  }
  if (!Number.isInteger(value)) throw new Error(`attribute ${name}: ${value} is not an integer; wrap floats as { float: x }`);
  return { name, type: AttributeType.INT, i: value };
}

function bytesOf(data: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
