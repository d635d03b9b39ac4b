import type { MessagePort } from 'node:worker_threads';

type Abort = { type: 'abort'; id: number };

/**
 * A worker thread's request loop: requests are served one at a time, in arrival order, and an
 * `abort` message naming a request's id fires that request's signal, whether it is running or
 * still waiting its turn (it then rejects at its first check).
 */
export function serveInOrder<R extends { type: string; id: number }>(port: MessagePort, serve: (request: Exclude<R, Abort>, signal: AbortSignal) => Promise<void>): void {
  const running = new Map<number, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (request: R) => {
    if (request.type === 'abort') {
      running.get(request.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    queue = queue.then(() => serve(request as Exclude<R, Abort>, controller.signal)).finally(() => running.delete(request.id));
  });
}
