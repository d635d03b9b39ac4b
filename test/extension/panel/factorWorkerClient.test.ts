import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import { FactorWorkerClient, WorkerCancelled } from '../../../src/extension/panel/factorWorkerClient';

const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
const text = 'She deposited the money at the bank on Friday, then walked along the river bank.';

describe('the panel’s worker thread', () => {
  const client = new FactorWorkerClient(join(__dirname, 'factorWorkerFromSource.mjs'));
  after(() => client.dispose());

  it('scans a text for a factor, then attributes its strongest hit with progress', async () => {
    const layer = 4;
    // Factor ids are the dictionary's; scan for each of a few and take one that fires.
    let found: { factor: number; start: number; coefficient: number } | undefined;
    for (const factor of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) {
      const { hits, tokens } = await client.scan(sources, text, factor, layer, 5);
      assert.ok(tokens > 10);
      assert.ok(hits.length <= 5);
      if (hits.length) {
        found = { factor, start: hits[0].start, coefficient: hits[0].coefficient };
        break;
      }
    }
    assert.ok(found, 'one of the first factors fires somewhere in the text');
    const progress: number[] = [];
    const result = await client.attribute(sources, text, found.start, found.factor, layer, { onProgress: (done) => progress.push(done) });
    assert.equal(result.starts[result.target], found.start);
    assert.ok(Math.abs(result.baseline - found.coefficient) < 1e-3, `${result.baseline} vs ${found.coefficient}`);
    assert.equal(result.scores.length, result.starts.length);
    assert.ok(progress.length > 1 && progress.at(-1) === result.starts.length, 'one progress report per model run');
  });

  it('cancels an attribution', async () => {
    const controller = new AbortController();
    const running = client.attribute(sources, text, 0, 1, 4, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(running, WorkerCancelled);
    // The worker carries on serving.
    const { tokens } = await client.scan(sources, 'still here', 1, 4, 3);
    assert.ok(tokens > 0);
  });

  it('waits for its reply, then does not keep the process alive: a script that never disposes of it exits', async () => {
    const script = join(__dirname, 'support', 'forgetfulPanelScript.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 60_000 });
    assert.match(stdout, /scanned \d+ tokens/);
  });
});
