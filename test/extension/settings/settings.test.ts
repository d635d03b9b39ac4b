import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedSettings, DEFAULT_SETTINGS, lambdaOverride, MAX_DOCUMENT_CHARACTERS, readSettings, SETTINGS_SECTION, type SettingKey } from '../../../src/extension/settings/settings';

const from = (values: Partial<Record<SettingKey, unknown>>) => readSettings((key) => values[key]);

test('unset settings take their defaults', () => {
  assert.deepEqual(from({}), DEFAULT_SETTINGS);
});

test('values of the wrong type fall back to the default; numbers are clamped to their range', () => {
  const settings = from({
    dictionary: 42, layer: ' L0.ffn ', factorsShown: 500, lambda: -1, maxDocumentCharacters: Number.NaN,
    languages: ['plaintext', 7, ' markdown ', ''], schemes: 'file', debounceMs: 12.6, navigationThreshold: 3, allowNetwork: 'yes',
  });
  assert.equal(settings.dictionary, '');
  assert.equal(settings.layer, 'L0.ffn');
  assert.equal(settings.factorsShown, 50);
  assert.equal(settings.lambda, 0);
  assert.equal(settings.maxDocumentCharacters, DEFAULT_SETTINGS.maxDocumentCharacters);
  assert.deepEqual(settings.languages, ['plaintext', 'markdown']);
  assert.deepEqual(settings.schemes, DEFAULT_SETTINGS.schemes);
  assert.equal(settings.debounceMs, 13);
  assert.equal(settings.navigationThreshold, 1);
  assert.equal(settings.allowNetwork, false);
});

test('the highlight colour accepts hex colours and colour names only, so nothing can be injected into CSS', () => {
  for (const ok of ['#f80', '#ff8800', '#ff880080', 'tomato']) assert.equal(from({ highlightColor: ok }).highlightColor, ok);
  for (const bad of ['red; background-image: url(x)', 'rgb(1,2,3)', '#ff888', 'var(--x)', '#12345z', '}']) assert.equal(from({ highlightColor: bad }).highlightColor, '', bad);
});

test('changedSettings names exactly the keys whose values differ', () => {
  const before = from({});
  assert.deepEqual([...changedSettings(before, from({ languages: ['plaintext', 'markdown'] }))], []);
  assert.deepEqual([...changedSettings(before, from({ lambda: 2, languages: ['*'] }))].sort(), ['lambda', 'languages']);
});

test('λ 0 means the dictionary’s own', () => {
  assert.equal(lambdaOverride(from({ lambda: 0 })), undefined);
  assert.equal(lambdaOverride(from({ lambda: 0.4 })), 0.4);
});

test('package.json declares every setting, with a description and the same default', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>;
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    const declared = properties[`${SETTINGS_SECTION}.${key}`];
    assert.ok(declared, `${key} is not contributed`);
    assert.deepEqual(declared.default, value, key);
    assert.ok((declared.description ?? declared.markdownDescription ?? '').length > 20, `${key} has no description`);
  }
});

test('the document size limit cannot be raised past what keeps memory under 1 GB, and package.json declares the same maximum', () => {
  assert.equal(from({ maxDocumentCharacters: 5_000_000 }).maxDocumentCharacters, MAX_DOCUMENT_CHARACTERS);
  assert.equal(from({ maxDocumentCharacters: 750_000 }).maxDocumentCharacters, 750_000);
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  assert.equal(manifest.contributes.configuration.properties[`${SETTINGS_SECTION}.maxDocumentCharacters`].maximum, MAX_DOCUMENT_CHARACTERS);
});
