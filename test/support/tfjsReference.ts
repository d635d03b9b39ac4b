import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

interface ModelJson {
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
}

/** The original USE-Lite TF.js graph, run by @tensorflow/tfjs itself: the independent reference. */
export class TfjsReference {
  private constructor(private readonly model: tf.GraphModel, private readonly backend: string) {}

  /**
   * `cpu` is TF.js's plain-JS backend (slow, but it accumulates in double precision); `wasm` is
   * the fast one EnergeticAI itself uses. TF.js keeps one global engine, so choosing the backend
   * explicitly also keeps @energetic-ai/core's own registration from switching it under us.
   */
  static async load(modelJsonPath: string, backend: 'cpu' | 'wasm' = 'wasm'): Promise<TfjsReference> {
    if (backend === 'wasm') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { setWasmPaths } = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
      setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
    }
    await useBackend(backend);
    const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
    const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
    const shards = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dirname(modelJsonPath), p))));
    const all = Buffer.concat(shards);
    const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
    const model = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
    return new TfjsReference(model, backend);
  }

  /**
   * Runs a batch of id sequences (the graph's sparse `indices`/`values` inputs) and returns,
   * for each node, its [batch][position] rows as Float32Arrays of the hidden width.
   */
  async run(batch: number[][], nodeNames: string[]): Promise<Float32Array[][][]> {
    const outputs = await this.runFlat(batch, nodeNames);
    return outputs.map(({ data, shape: [b, l, h] }) =>
      Array.from({ length: b }, (_, s) => Array.from({ length: l }, (_, p) => data.slice((s * l + p) * h, (s * l + p + 1) * h))));
  }

  /** The same run, each node's output as one flat [batch × positions × hidden] array with its shape. */
  async runFlat(batch: number[][], nodeNames: string[]): Promise<Array<{ data: Float32Array; shape: number[] }>> {
    await useBackend(this.backend);
    const indices = batch.flatMap((ids, s) => ids.map((_, p) => [s, p]));
    const inputs = {
      indices: tf.tensor2d(indices, [indices.length, 2], 'int32'),
      values: tf.tensor1d(batch.flat(), 'int32'),
    };
    const outputs = (await this.model.executeAsync(inputs, nodeNames)) as tf.Tensor[];
    const result = await Promise.all(outputs.map(async (t) => ({ data: (await t.data()) as Float32Array, shape: t.shape as number[] })));
    tf.dispose([...outputs, inputs.indices, inputs.values]);
    return result;
  }
}

async function useBackend(name: string): Promise<void> {
  if (tf.getBackend() !== name && !(await tf.setBackend(name))) throw new Error(`the TF.js ${name} backend failed to initialise`);
}
