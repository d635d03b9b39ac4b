// A stand-in for coderWorker.ts that fails on demand, chosen by the request's λ:
// 1 throws (an uncaught error), 2 exits with code 7, 3 replies with an error, anything else
// replies with empty codes after `lambda` milliseconds.
import { parentPort } from 'node:worker_threads';
import type { CodeReply, CodeRequest } from '../../../../../src/core/sparse/parallel/coderProtocol';

const port = parentPort!;
port.on('message', ({ id, n, lambda }: CodeRequest) => {
  if (lambda === 1) throw new Error('deliberate failure');
  if (lambda === 2) process.exit(7);
  if (lambda === 3) {
    port.postMessage({ id, error: 'this row cannot be coded' } satisfies CodeReply);
    return;
  }
  const codes = { offsets: new Uint32Array(n + 1), indices: new Uint32Array(0), values: new Float32Array(0) };
  setTimeout(() => port.postMessage({ id, codes } satisfies CodeReply), lambda);
});
