import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where downloaded models and rewritten graphs are kept when the caller names no folder:
 * $TRANSFORMER_FACTORS_CACHE, else the platform's cache folder (XDG_CACHE_HOME, ~/Library/Caches,
 * %LOCALAPPDATA%) under transformer-factors.
 */
export function defaultModelCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TRANSFORMER_FACTORS_CACHE) return env.TRANSFORMER_FACTORS_CACHE;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'transformer-factors', 'cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'transformer-factors');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'transformer-factors');
}
