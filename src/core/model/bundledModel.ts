import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const BUNDLED_MODEL_ID = 'use-lite';

/**
 * The folder of the bundled model, found from wherever this code runs (the esbuild bundle in
 * out/, or the sources under src/ in tests): the nearest ancestor holding media/models.
 */
export function bundledModelDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'media', 'models', BUNDLED_MODEL_ID);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find media/models/${BUNDLED_MODEL_ID} above ${__dirname}`);
  }
}

export const BUNDLED_DICTIONARY_FILE = 'use-lite-brown.tfdict';

/** The folder of the dictionaries that ship with the extension (media/dictionaries). */
export function bundledDictionaryDir(): string {
  return join(dirname(dirname(bundledModelDir())), 'dictionaries');
}
