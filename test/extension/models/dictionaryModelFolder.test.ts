import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { writeSourceMarker } from '../../../src/core/model/hf/sourceMarker';
import { modelFolderFor } from '../../../src/extension/models/dictionaryModelFolder';
import { writeTinyBert } from '../../core/model/hf/support/tinyBert';

test('a dictionary’s model is found: bundled, downloaded from the Hub, or the configured local folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'dictionary-model-'));
  const cacheDir = join(root, 'cache');
  const hub = join(cacheDir, 'hub', 'Xenova', 'bert-base-uncased');
  writeTinyBert(hub);
  writeSourceMarker(hub, { hubId: 'Xenova/bert-base-uncased', revision: 'main', downloadedAt: '2026-01-01T00:00:00Z' });
  const local = join(root, 'my-bert');
  writeTinyBert(local);
  const bundled = { kind: 'bundled' } as const;
  assert.deepEqual(modelFolderFor('use-lite', { cacheDir, configured: bundled }), { dir: bundledModelDir() });
  assert.deepEqual(modelFolderFor('Xenova/bert-base-uncased', { cacheDir, configured: bundled }), { dir: hub });
  assert.deepEqual(modelFolderFor('my-bert', { cacheDir, configured: { kind: 'folder', path: local } }), { dir: local });
  const missing = modelFolderFor('my-bert', { cacheDir, configured: bundled });
  assert.ok('problem' in missing && /Use Local Model Folder/.test(missing.problem));
  const notDownloaded = modelFolderFor('Xenova/gpt2', { cacheDir, configured: { kind: 'hub', id: 'Xenova/gpt2' } });
  assert.ok('problem' in notDownloaded && /Use Model from Hugging Face Hub….*Xenova\/gpt2/.test(notDownloaded.problem));
});
