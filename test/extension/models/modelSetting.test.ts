import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelLabel, modelSpec, parseModelSetting } from '../../../src/extension/models/modelSetting';

test('the model setting: empty or the bundled id, a Hub id, or a folder path', () => {
  assert.deepEqual(parseModelSetting(undefined), { kind: 'bundled' });
  assert.deepEqual(parseModelSetting('  '), { kind: 'bundled' });
  assert.deepEqual(parseModelSetting('use-lite'), { kind: 'bundled' });
  assert.deepEqual(parseModelSetting(42), { kind: 'bundled' });
  assert.deepEqual(parseModelSetting('Xenova/bert-base-uncased'), { kind: 'hub', id: 'Xenova/bert-base-uncased' });
  assert.deepEqual(parseModelSetting('gpt2'), { kind: 'hub', id: 'gpt2' });
  assert.deepEqual(parseModelSetting('/home/me/models/bert'), { kind: 'folder', path: '/home/me/models/bert' });
  assert.deepEqual(parseModelSetting('./models/bert'), { kind: 'folder', path: './models/bert' });
  assert.deepEqual(parseModelSetting('C:\\models\\bert'), { kind: 'folder', path: 'C:\\models\\bert' });
  assert.deepEqual(parseModelSetting('models/local/bert'), { kind: 'folder', path: 'models/local/bert' });
  assert.equal(modelSpec(parseModelSetting('')), '');
  assert.equal(modelSpec(parseModelSetting('Xenova/gpt2')), 'Xenova/gpt2');
  assert.match(modelLabel(parseModelSetting('Xenova/gpt2')), /Hugging Face Hub/);
  assert.match(modelLabel(parseModelSetting('')), /bundled/);
});
