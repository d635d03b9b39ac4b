import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exposeLayers, type GraphInputSpec } from './graph/exposeLayers';
import type { NormPlacement } from './graph/layerTensors';

// Bump when exposeLayers changes what it writes, so older rewrites are not reused.
const REWRITE_VERSION = 1;

/** A rewritten graph in the cache and what the encoder needs to run it. */
export interface ExposedModel {
  path: string;
  /** SHA-256 of the original model.onnx: the identity of the model, whatever the rewrite. */
  sourceSha256: string;
  outputs: string[];
  inputs: GraphInputSpec[];
  placement: NormPlacement;
}

/**
 * The graph of `onnxPath` rewritten to output every layer (see exposeLayers), from the cache
 * when it was rewritten before: the cache is keyed by the original file's SHA-256.
 */
export async function exposedModelFor(onnxPath: string, blocks: number, cacheDir: string): Promise<ExposedModel> {
  const dir = join(cacheDir, 'graphs');
  mkdirSync(dir, { recursive: true });
  const sourceSha256 = await sha256Of(onnxPath, dir);
  const base = join(dir, `${sourceSha256}-v${REWRITE_VERSION}`);
  const metaPath = `${base}.json`;
  if (existsSync(metaPath) && existsSync(`${base}.onnx`)) {
    return { path: `${base}.onnx`, ...(JSON.parse(readFileSync(metaPath, 'utf8')) as Omit<ExposedModel, 'path'>) };
  }
  const exposed = exposeLayers(await readFile(onnxPath), blocks);
  const meta: Omit<ExposedModel, 'path'> = { sourceSha256, outputs: exposed.outputs, inputs: exposed.inputs, placement: exposed.placement };
  writeAtomically(`${base}.onnx`, exposed.bytes);
  // Written last: its presence says the graph beside it is whole.
  writeAtomically(metaPath, JSON.stringify(meta));
  return { path: `${base}.onnx`, ...meta };
}

/** SHA-256 of a file, remembered by path, size and modification time so a large model is hashed once. */
export async function sha256Of(path: string, memoDir: string): Promise<string> {
  const { size, mtimeMs } = statSync(path);
  const memo = join(memoDir, `hash-${createHash('sha256').update(`${path}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 32)}.txt`);
  if (existsSync(memo)) return readFileSync(memo, 'utf8').trim();
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha = hash.digest('hex');
  mkdirSync(memoDir, { recursive: true });
  writeAtomically(memo, sha);
  return sha;
}

function writeAtomically(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
