import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';

export interface TfjsWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

interface ModelJson {
  weightsManifest: Array<{ paths: string[]; weights: ManifestEntry[] }>;
}

/** Reads every weight of a TF.js graph model (model.json plus its binary shards) by name. */
export function readTfjsWeights(modelJsonPath: string): Map<string, TfjsWeight> {
  const modelJson = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
  const weights = new Map<string, TfjsWeight>();
  for (const group of modelJson.weightsManifest) {
    const buffer = Buffer.concat(group.paths.map((p) => readFileSync(join(dirname(modelJsonPath), p))));
    let offset = 0;
    for (const entry of group.weights) {
      if (entry.quantization) throw new Error(`weight ${entry.name} is quantized; only float32/int32 weights are supported`);
      if (entry.dtype !== 'float32' && entry.dtype !== 'int32') {
        throw new Error(`weight ${entry.name} has dtype ${entry.dtype}; only float32/int32 are supported`);
      }
      const count = entry.shape.reduce((a, b) => a * b, 1);
      const bytes = buffer.subarray(offset, offset + count * 4);
      if (bytes.length !== count * 4) throw new Error(`weight shards end before ${entry.name}: the model files are truncated`);
      const copy = new ArrayBuffer(count * 4);
      new Uint8Array(copy).set(bytes);
      const data = entry.dtype === 'float32' ? new Float32Array(copy) : new Int32Array(copy);
      weights.set(entry.name, { name: entry.name, shape: entry.shape, dtype: entry.dtype, data });
      offset += count * 4;
    }
    if (offset !== buffer.length) throw new Error(`weight shards hold ${buffer.length} bytes but the manifest describes ${offset}`);
  }
  return weights;
}
