import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { BUNDLED_MODEL_ID, bundledModelDir } from '../bundledModel';
import type { DownloadProgress } from './hub/downloadProgress';
import { downloadHubModel, hubModelDir, isDownloaded } from './hub/hubDownload';
import { isHubModelId } from './hub/hubModelId';
import { NetworkNotAllowedError } from './hub/networkNotAllowedError';

export interface ModelSourceOptions {
  /** Whether a model missing from the cache may be downloaded. */
  allowNetwork: boolean;
  /** The cache root: Hub downloads go to `<cacheDir>/hub`. */
  cacheDir: string;
  /** How the user turns network access on, for the message when it is off. */
  howToAllowNetwork: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  remoteHost?: string;
  /** Folders relative paths are taken from (default: the working folder). */
  baseDir?: string;
}

export interface ResolvedModel {
  kind: 'bundled' | 'folder' | 'hub';
  dir: string;
  /** For Hub models, the repository id; for folders, the path as given. */
  source: string;
  /** Whether this call downloaded it. */
  downloaded: boolean;
}

/**
 * Finds the folder of a model named by the user: nothing (or the bundled id) for the bundled
 * model, a path to a Hugging Face–style folder, or a Hub id such as `Xenova/bert-base-uncased`.
 * A Hub model already in the cache is used offline; one that is not is downloaded only when
 * network access is allowed, and otherwise nothing is sent and NetworkNotAllowedError explains.
 */
export async function resolveModelSource(spec: string | undefined, options: ModelSourceOptions): Promise<ResolvedModel> {
  const text = spec?.trim() ?? '';
  if (!text || text === BUNDLED_MODEL_ID) return { kind: 'bundled', dir: bundledModelDir(), source: BUNDLED_MODEL_ID, downloaded: false };
  const path = resolve(options.baseDir ?? process.cwd(), text.startsWith('~/') ? join(homedir(), text.slice(2)) : text);
  if (existsSync(path) && statSync(path).isDirectory()) return { kind: 'folder', dir: path, source: text, downloaded: false };
  if (isAbsolute(text) || text.startsWith('.') || text.startsWith('~') || !isHubModelId(text)) {
    throw new Error(`there is no model folder ${path}${isHubModelId(text) ? '' : `, and "${text}" is not a Hugging Face model id`}`);
  }
  const hubDir = join(options.cacheDir, 'hub');
  if (isDownloaded(hubDir, text)) return { kind: 'hub', dir: hubModelDir(hubDir, text), source: text, downloaded: false };
  if (!options.allowNetwork) throw new NetworkNotAllowedError(text, options.howToAllowNetwork);
  const dir = await downloadHubModel(text, { hubDir, signal: options.signal, onProgress: options.onProgress, remoteHost: options.remoteHost });
  return { kind: 'hub', dir, source: text, downloaded: true };
}
