import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** What `new Worker(filename, { execArgv })` needs to start one of the project's worker entry points. */
export interface WorkerScript {
  filename: string;
  execArgv?: string[];
}

/**
 * The worker entry point `name` beside the calling module, whether it runs bundled or from source.
 * Bundled by esbuild.mjs, every program is a file in out/ and so is each worker (out/<name>.js),
 * and `callerDir` (the caller's `__dirname`) is out/. Run from source by tsx (tests, scripts),
 * `callerDir` is the caller's source folder, and the worker is its .ts source, started with tsx's
 * require hook (Node 20 ignores `--import tsx` in a worker's execArgv).
 */
export function workerScript(callerDir: string, name: string): WorkerScript {
  if (__filename.endsWith('.ts')) {
    return { filename: join(callerDir, `${name}.ts`), execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
  }
  const filename = join(callerDir, `${name}.js`);
  if (!existsSync(filename)) throw new Error(`the worker script ${filename} is missing: it is built beside the bundle by esbuild.mjs (npm run build)`);
  return { filename };
}
