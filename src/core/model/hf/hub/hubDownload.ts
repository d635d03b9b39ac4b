import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isHfModelFolder } from '../hfModelFolder';
import { writeSourceMarker } from '../sourceMarker';
import { transformersLibrary } from '../transformersLibrary';
import { DownloadProgressTracker, type DownloadProgress, type LoaderEvent } from './downloadProgress';
import { resumableFetch } from './resumableFetch';

export interface HubDownloadOptions {
  /** Downloads go to `<hubDir>/<owner>/<name>`, the layout of @huggingface/transformers' file cache. */
  hubDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Another Hub endpoint (a mirror); default $HF_ENDPOINT, else huggingface.co. */
  remoteHost?: string;
}

/** The folder a Hub model is (or will be) downloaded to. */
export function hubModelDir(hubDir: string, id: string): string {
  return join(hubDir, ...id.split('/'));
}

/** Whether a Hub model's download is complete: its files are there and the marker written after them. */
export function isDownloaded(hubDir: string, id: string): boolean {
  const dir = hubModelDir(hubDir, id);
  return isHfModelFolder(dir) && existsSync(join(dir, 'tokenizer.json')) && existsSync(join(dir, 'onnx', 'model.onnx')) &&
    existsSync(join(dir, '.transformer-factors-source.json'));
}

// The library's settings are global: downloads take turns.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Downloads a model from the Hugging Face Hub through @huggingface/transformers' own loading
 * (config, tokenizer, the full-precision ONNX graph) into its file cache at `hubDir`. Files
 * already there are not fetched again, and a file interrupted half-way continues where it
 * stopped. Only call this when the user has allowed network access.
 */
export function downloadHubModel(id: string, options: HubDownloadOptions): Promise<string> {
  const run = queue.then(() => download(id, options));
  queue = run.catch(() => undefined);
  return run;
}

async function download(id: string, options: HubDownloadOptions): Promise<string> {
  const { env, AutoConfig, AutoTokenizer, AutoModel } = await transformersLibrary();
  const saved = { allowRemoteModels: env.allowRemoteModels, cacheDir: env.cacheDir, fetch: env.fetch, remoteHost: env.remoteHost, useFSCache: env.useFSCache };
  const tracker = new DownloadProgressTracker();
  const loading = {
    cache_dir: options.hubDir,
    progress_callback: (event: LoaderEvent) => {
      const progress = tracker.update(event);
      if (progress) options.onProgress?.(progress);
    },
  };
  try {
    env.allowRemoteModels = true;
    env.useFSCache = true;
    env.cacheDir = options.hubDir;
    env.fetch = resumableFetch(join(options.hubDir, '.partial'), { signal: options.signal });
    const host = options.remoteHost ?? process.env.HF_ENDPOINT;
    if (host) env.remoteHost = host.endsWith('/') ? host : `${host}/`;
    options.signal?.throwIfAborted();
    await AutoConfig.from_pretrained(id, loading);
    await AutoTokenizer.from_pretrained(id, loading);
    // Loading the model is what fetches its graph; the session it opens is not needed here.
    const model = await AutoModel.from_pretrained(id, {
      ...loading, dtype: 'fp32', device: 'cpu', session_options: { graphOptimizationLevel: 'disabled', intraOpNumThreads: 1 },
    });
    await model.dispose();
  } catch (error) {
    if (options.signal?.aborted) throw new Error(`the download of ${id} was cancelled; what was fetched is kept, and the next download continues from there`, { cause: error });
    throw new Error(`cannot download ${id} from the Hugging Face Hub: ${(error as Error).message}`, { cause: error });
  } finally {
    Object.assign(env, saved);
  }
  const dir = hubModelDir(options.hubDir, id);
  writeSourceMarker(dir, { hubId: id, revision: 'main', downloadedAt: new Date().toISOString() });
  if (!isDownloaded(options.hubDir, id)) throw new Error(`the download of ${id} finished without config.json, tokenizer.json and onnx/model.onnx in ${dir}: it has no Transformers.js ONNX export (try the Xenova/ or onnx-community/ copy of the model)`);
  return dir;
}
