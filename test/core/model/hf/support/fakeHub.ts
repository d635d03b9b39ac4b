import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface HubRequest {
  path: string;
  range?: string;
}

/**
 * A stand-in for huggingface.co on 127.0.0.1 serving model folders at
 * `/<owner>/<name>/resolve/main/<file>`, with Range requests and ETags as the Hub has them.
 * `stall` makes the next request for a file send only its first bytes, then hang.
 */
export class FakeHub {
  readonly requests: HubRequest[] = [];
  private stall: { file: string; bytes: number } | undefined;
  private readonly hanging = new Set<import('node:http').ServerResponse>();

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(repos: Record<string, string>): Promise<FakeHub> {
    const holder: { hub?: FakeHub } = {};
    const server = createServer((request, response) => holder.hub!.serve(repos, request, response));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    holder.hub = new FakeHub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return holder.hub;
  }

  stallNext(file: string, bytes: number): void {
    this.stall = { file, bytes };
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    await new Promise((done) => this.server.close(done));
  }

  private serve(repos: Record<string, string>, request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse): void {
    const path = decodeURIComponent(request.url ?? '');
    this.requests.push({ path, range: request.headers.range });
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(path);
    const dir = match && repos[match[1]];
    const file = dir && join(dir, match[2]);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Entry not found');
      return;
    }
    const data = readFileSync(file);
    const etag = `"${createHash('sha256').update(data).digest('hex').slice(0, 16)}"`;
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const ifRange = request.headers['if-range'];
    let start = 0;
    let end = data.length - 1;
    let status = 200;
    if (range && (!ifRange || ifRange === etag)) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), end) : end;
      if (start > end) {
        response.writeHead(416, { 'content-range': `bytes */${data.length}` }).end();
        return;
      }
      status = 206;
    }
    const headers: Record<string, string> = { etag, 'content-type': 'application/octet-stream', 'content-length': String(end - start + 1) };
    if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${data.length}`;
    response.writeHead(status, headers);
    const stall = this.stall;
    if (stall && match![2] === stall.file && status === 200) {
      this.stall = undefined;
      response.write(data.subarray(0, stall.bytes));
      this.hanging.add(response);
      return;
    }
    response.end(data.subarray(start, end + 1));
  }
}
