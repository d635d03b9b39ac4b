import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../../../src/core/model/loadedModel';
import { NetworkNotAllowedError } from '../../../../src/core/model/hf/hub/networkNotAllowedError';
import { resolveModelSource } from '../../../../src/core/model/hf/modelSource';
import { writeSourceMarker } from '../../../../src/core/model/hf/sourceMarker';
import { transformersLibrary } from '../../../../src/core/model/hf/transformersLibrary';
import type { DownloadProgress } from '../../../../src/core/model/hf/hub/downloadProgress';
import { FakeHub } from './support/fakeHub';
import { recordNetwork } from './support/networkRecorder';
import { writeTinyBert } from './support/tinyBert';

const root = mkdtempSync(join(tmpdir(), 'hf-hub-'));
const original = join(root, 'tiny-bert');
writeTinyBert(original);

test('with network access off, a Hub model that is not downloaded makes no connection and says how to allow it', async () => {
  const cacheDir = join(root, 'offline-cache');
  // A model already downloaded is used offline, through the same loading code.
  const cached = join(cacheDir, 'hub', 'test-org', 'cached-bert');
  cpSync(original, cached, { recursive: true });
  writeSourceMarker(cached, { hubId: 'test-org/cached-bert', revision: 'main', downloadedAt: '2026-01-01T00:00:00Z' });
  await transformersLibrary();
  const network = recordNetwork();
  try {
    await assert.rejects(
      resolveModelSource('Xenova/bert-base-uncased', { allowNetwork: false, cacheDir, howToAllowNetwork: 'pass --allow-network to allow it' }),
      (error: Error) => error instanceof NetworkNotAllowedError && /Xenova\/bert-base-uncased/.test(error.message) && /--allow-network/.test(error.message),
    );
    const resolved = await resolveModelSource('test-org/cached-bert', { allowNetwork: false, cacheDir, howToAllowNetwork: 'n/a' });
    assert.deepEqual({ kind: resolved.kind, dir: resolved.dir, downloaded: resolved.downloaded }, { kind: 'hub', dir: cached, downloaded: false });
    const model = await loadModel(resolved.dir, { cacheDir });
    assert.equal(model.info.id, 'test-org/cached-bert');
    const [states] = await model.encoder.run([model.tokenizer.tokenize('The river bank.').map((t) => t.id)]);
    assert.equal(states.length, 3);
    await model.encoder.dispose();
  } finally {
    network.restore();
  }
  assert.deepEqual(network.calls, [], 'no connection was attempted');
});

test('with network access on, a Hub model downloads through @huggingface/transformers, and a cancelled download resumes', async () => {
  const hub = await FakeHub.start({ 'test-org/tiny-bert': original });
  const cacheDir = join(root, 'online-cache');
  const modelBytes = readFileSync(join(original, 'onnx', 'model.onnx'));
  const half = Math.floor(modelBytes.length / 2);
  try {
    // First attempt: the graph stops arriving half-way, and the user cancels.
    hub.stallNext('onnx/model.onnx', half);
    const controller = new AbortController();
    await assert.rejects(
      resolveModelSource('test-org/tiny-bert', {
        allowNetwork: true, cacheDir, howToAllowNetwork: 'n/a', remoteHost: hub.url, signal: controller.signal,
        onProgress: (p) => { if (p.file === 'onnx/model.onnx' && p.loaded >= half) controller.abort(); },
      }),
      /cancelled/,
    );
    assert.ok(statSync(join(cacheDir, 'hub', 'test-org', 'tiny-bert', 'config.json')).isFile(), 'finished files stay');

    const progress: DownloadProgress[] = [];
    const requestsBefore = hub.requests.length;
    const resolved = await resolveModelSource('test-org/tiny-bert', {
      allowNetwork: true, cacheDir, howToAllowNetwork: 'n/a', remoteHost: hub.url, onProgress: (p) => progress.push(p),
    });
    assert.equal(resolved.kind, 'hub');
    assert.equal(resolved.downloaded, true);
    const resumed = hub.requests.slice(requestsBefore).filter((r) => r.path.endsWith('onnx/model.onnx') && r.range !== 'bytes=0-0');
    assert.deepEqual(resumed.map((r) => r.range), [`bytes=${half}-`], 'only the missing half of the graph is fetched again');
    assert.ok(readFileSync(join(resolved.dir, 'onnx', 'model.onnx')).equals(modelBytes));
    assert.ok(progress.length > 0 && progress[progress.length - 1].fraction === 1);

    // Downloaded once, then used offline; the same hidden states as the original folder.
    const again = await resolveModelSource('test-org/tiny-bert', { allowNetwork: false, cacheDir, howToAllowNetwork: 'n/a' });
    assert.equal(again.downloaded, false);
    const downloaded = await loadModel(again.dir, { cacheDir });
    const local = await loadModel(original, { cacheDir });
    assert.equal(downloaded.info.id, 'test-org/tiny-bert');
    assert.equal(downloaded.info.onnxSha256, local.info.onnxSha256);
    const ids = local.tokenizer.tokenize('The river bank was steep.').map((t) => t.id);
    assert.deepEqual(downloaded.tokenizer.tokenize('The river bank was steep.').map((t) => t.id), ids);
    assert.deepEqual((await downloaded.encoder.run([ids]))[0].map((l) => Array.from(l)), (await local.encoder.run([ids]))[0].map((l) => Array.from(l)));
    await downloaded.encoder.dispose();
    await local.encoder.dispose();
  } finally {
    await hub.stop();
  }
  const { env } = await transformersLibrary();
  assert.equal(env.allowRemoteModels, false, 'remote loading is off again after the download');
});
