import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import type { Dictionary } from '../dictionary/dictionary';
import { OnnxGraphBuilder } from '../model/onnx/onnxGraphBuilder';
import { onnxSessionOptions } from '../model/onnx/sessionOptions';
import type { FistaOptions, FistaResult } from './fista';
import { largestEigenvalue } from './largestEigenvalue';

export interface OnnxFistaOptions extends FistaOptions {
  /** ONNX Runtime's intra-op threads (its default otherwise). */
  threads?: number;
}

/**
 * The paper's non-negative FISTA (as `fistaNonNegative`: step η = 1/L from α = 0, for every row
 * of X [n × hidden]) as batched matrix products on ONNX Runtime's GEMM: all the iterations run
 * inside one session.run, as an ONNX Loop carrying y, α and t; rows go in blocks of `blockRows`.
 */
export async function onnxFista(dictionary: Dictionary, X: Float32Array, n: number, lambda: number, options: OnnxFistaOptions = {}): Promise<FistaResult> {
  const { atomCount: K, hiddenSize: d } = dictionary;
  if (X.length !== n * d) throw new Error(`X holds ${X.length} values, not ${n} × ${d}`);
  const iterations = options.iterations ?? 500;
  const lipschitz = options.lipschitz ?? largestEigenvalue(dictionary);
  const blockRows = options.blockRows ?? 512;
  const session = await ort.InferenceSession.create(fistaGraph(dictionary, 1 / lipschitz, lambda), onnxSessionOptions(options.threads));
  try {
    const alpha = new Float32Array(n * K);
    const residual = new Float32Array(n * d);
    const tripCount = new ort.Tensor('int64', BigInt64Array.of(BigInt(iterations)), []);
    for (let row = 0; row < n; row += blockRows) {
      const m = Math.min(blockRows, n - row);
      const out = await session.run({ X: new ort.Tensor('float32', X.subarray(row * d, (row + m) * d), [m, d]), iterations: tripCount });
      alpha.set(out.alpha.data as Float32Array, row * K);
      residual.set(out.residual.data as Float32Array, row * d);
    }
    return { alpha, residual, lipschitz };
  } finally {
    await session.release();
  }
}

function fistaGraph({ atoms, atomCount: K, hiddenSize: d }: Dictionary, eta: number, lambda: number): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const g = new OnnxGraphBuilder(18);
  const X = g.input('X', FLOAT, ['rows', d]);
  const iterations = g.input('iterations', onnx.TensorProto.DataType.INT64, []);
  const phi = g.floatConstant('phi', [K, d], atoms); // row k is atom φ_k, so Φy is y·phi
  const scalar = (name: string, value: number) => g.floatConstant(name, [], Float32Array.of(value));
  const [one, four, half, shrink] = [scalar('one', 1), scalar('four', 4), scalar('half', 0.5), scalar('shrink', eta * lambda)];

  // One iteration of paper-method.md's non-negative FISTA (row-major, so Φy is y·phi):
  // R = X − Φy; y ← y + η ΦᵀR; α_new = max(y − ηλ, 0); t' = (1 + √(1 + 4t²))/2; y ← α_new + ((t − 1)/t')(α_new − α_old).
  const b = new OnnxGraphBuilder(18, 'body_');
  b.input('i', onnx.TensorProto.DataType.INT64, []);
  const cond = b.input('cond_in', onnx.TensorProto.DataType.BOOL, []);
  const y = b.input('y_in', FLOAT, ['rows', K]);
  const alphaOld = b.input('alpha_in', FLOAT, ['rows', K]);
  const t = b.input('t_in', FLOAT, []);
  const R = b.op('Gemm', [y, phi, X], { alpha: { float: -1 }, beta: { float: 1 } });
  const yStep = b.op('Gemm', [R, phi, y], { alpha: { float: eta }, beta: { float: 1 }, transB: 1 });
  const alphaNew = b.op('Relu', [b.op('Sub', [yStep, shrink])], {}, 'alpha_out');
  const tNext = b.op('Mul', [b.op('Add', [one, b.op('Sqrt', [b.op('Add', [one, b.op('Mul', [four, b.op('Mul', [t, t])])])])]), half], {}, 't_out');
  const momentum = b.op('Div', [b.op('Sub', [t, one]), tNext]);
  b.op('Add', [alphaNew, b.op('Mul', [momentum, b.op('Sub', [alphaNew, alphaOld])])], {}, 'y_out');
  b.op('Identity', [cond], {}, 'cond_out');
  b.output('cond_out', onnx.TensorProto.DataType.BOOL, []);
  b.output('y_out', FLOAT, ['rows', K]);
  b.output('alpha_out', FLOAT, ['rows', K]);
  b.output('t_out', FLOAT, []);

  const shape = g.op('Concat', [g.op('Shape', [X], { start: 0, end: 1 }), g.int64Constant('atom_count', [K])], { axis: 0 });
  const zeros = g.op('ConstantOfShape', [shape]); // y = α = 0, t = 1
  const [, alpha] = g.node('Loop', [iterations, '', zeros, zeros, one], { body: { graph: b.toGraph('fista_iteration') } }, ['y', 'alpha', 't']);
  g.op('Gemm', [alpha, phi, X], { alpha: { float: -1 }, beta: { float: 1 } }, 'residual');
  g.output('alpha', FLOAT, ['rows', K]);
  g.output('residual', FLOAT, ['rows', d]);
  return g.toBytes('fista_non_negative', 'transformer-factors');
}
