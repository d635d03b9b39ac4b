// A sparse-coding worker thread of CoderPool: codes the rows it is sent, one request at a time,
// exactly as the single-threaded engine does — correlations XΦᵀ on ONNX Runtime (one thread),
// then the active-set SparseCoder on the shared Gram matrix.
import { parentPort, workerData } from 'node:worker_threads';
import { OnnxMatMul } from '../onnxMatMul';
import { SparseCoder } from '../sparseCoder';
import type { CodeReply, CodeRequest, CoderWorkerData } from './coderProtocol';

const port = parentPort;
if (!port) throw new Error('coderWorker.js runs as a worker thread of CoderPool');

const { atoms, atomCount: K, hiddenSize: d, gram } = workerData as CoderWorkerData;
const coder = new SparseCoder({ atoms, atomCount: K, hiddenSize: d }, { gram });
// Should ONNX Runtime fail to start, the rejection is unhandled: it ends the worker, and the pool rejects with its message.
const matMul = OnnxMatMul.create(1);

// One request at a time, in arrival order. The codes are copied to the pool, not transferred
// (they are small, and whether the coder keeps their buffers is its own business).
let queue = Promise.resolve();
port.on('message', (request: CodeRequest) => {
  queue = queue.then(async () => port.postMessage(await serve(request)));
});

async function serve({ id, X, n, lambda }: CodeRequest): Promise<CodeReply> {
  try {
    const correlations = await (await matMul).multiplyTransposed(X, n, atoms, K, d);
    return { id, codes: coder.codeBatch(X, n, lambda, { correlations }) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
