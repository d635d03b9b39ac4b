import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

type Fetch = typeof fetch;

interface PartialMeta {
  url: string;
  etag?: string;
}

/**
 * A fetch that makes file downloads resumable: the bytes of a GET are kept in `partialDir` as
 * they arrive, and when the same URL is fetched again after an interruption only the rest is
 * asked for (an HTTP Range request, guarded by the file's ETag), the response then being the
 * whole file again. Every request obeys `signal`, so a download can be cancelled.
 */
export function resumableFetch(partialDir: string, options: { signal?: AbortSignal; fetch?: Fetch } = {}): Fetch {
  const base = options.fetch ?? fetch;
  const resumable: Fetch = async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init.headers);
    const signal = init.signal && options.signal ? AbortSignal.any([init.signal, options.signal]) : (init.signal ?? options.signal);
    if ((init.method ?? 'GET').toUpperCase() !== 'GET' || headers.has('range')) return base(url, { ...init, headers, signal });
    mkdirSync(partialDir, { recursive: true });
    const key = createHash('sha256').update(url).digest('hex').slice(0, 40);
    const dataPath = join(partialDir, `${key}.part`);
    const metaPath = join(partialDir, `${key}.json`);
    const meta = readMeta(metaPath, url);
    const have = meta && existsSync(dataPath) ? statSync(dataPath).size : 0;
    if (have > 0) {
      headers.set('range', `bytes=${have}-`);
      if (meta?.etag) headers.set('if-range', meta.etag);
    }
    const response = await base(url, { ...init, headers, signal });
    if (have > 0 && response.status === 206 && response.body) return continued(response, dataPath, metaPath, have);
    if (have > 0 && response.status === 416) {
      // The server cannot serve the rest: start over.
      rmSync(dataPath, { force: true });
      rmSync(metaPath, { force: true });
      return resumable(input, init);
    }
    if (response.status === 200 && response.body) {
      writeFileSync(metaPath, JSON.stringify({ url, etag: response.headers.get('etag') ?? undefined } satisfies PartialMeta));
      return continued(response, dataPath, metaPath, 0);
    }
    return response;
  };
  return resumable;
}

function readMeta(path: string, url: string): PartialMeta | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const meta = JSON.parse(readFileSync(path, 'utf8')) as PartialMeta;
    return meta.url === url ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** The whole file as one 200 response: the saved bytes, then the network's, which are saved as they pass. */
function continued(response: Response, dataPath: string, metaPath: string, saved: number): Response {
  const fd = openSync(dataPath, saved > 0 ? 'a' : 'w');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const network = response.body!.getReader();
  let savedBytes = saved > 0 ? (Readable.toWeb(createReadStream(dataPath, { start: 0, end: saved - 1 })) as ReadableStream<Uint8Array>).getReader() : undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (savedBytes) {
          const chunk = await savedBytes.read();
          if (!chunk.done) return controller.enqueue(chunk.value);
          savedBytes = undefined;
        }
        const chunk = await network.read();
        if (chunk.done) {
          close();
          rmSync(dataPath, { force: true });
          rmSync(metaPath, { force: true });
          return controller.close();
        }
        writeSync(fd, chunk.value);
        controller.enqueue(chunk.value);
      } catch (error) {
        close();
        controller.error(error);
      }
    },
    async cancel(reason) {
      close();
      await network.cancel(reason);
    },
  });
  const headers = new Headers(response.headers);
  headers.delete('content-range');
  const total = totalSize(response, saved);
  if (total !== undefined) headers.set('content-length', String(total));
  else headers.delete('content-length');
  return new Response(body, { status: 200, statusText: 'OK', headers });
}

function totalSize(response: Response, saved: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = response.headers.get('content-length');
  return length && !response.headers.get('content-encoding') ? saved + Number(length) : undefined;
}
