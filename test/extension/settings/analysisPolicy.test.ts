import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisVerdict } from '../../../src/extension/analysis/analysisPolicy';

const settings = { languages: ['plaintext', 'markdown'], schemes: ['file', 'untitled'], maxDocumentCharacters: 1000 };
const doc = { languageId: 'plaintext', scheme: 'file', characters: 10 };

test('a document is analysed when its language and scheme are allowed and it is short enough', () => {
  assert.deepEqual(analysisVerdict(doc, settings), { analyse: true });
  assert.deepEqual(analysisVerdict({ ...doc, characters: 1000 }, settings), { analyse: true });
});

test('each refusal says why, naming the setting', () => {
  const language = analysisVerdict({ ...doc, languageId: 'python' }, settings);
  assert.equal(language.analyse, false);
  assert.ok(!language.analyse && language.reason === 'language' && /transformerFactors\.languages/.test(language.message));
  const scheme = analysisVerdict({ ...doc, scheme: 'git' }, settings);
  assert.ok(!scheme.analyse && scheme.reason === 'scheme' && /transformerFactors\.schemes/.test(scheme.message));
  const large = analysisVerdict({ ...doc, characters: 250_000 }, settings);
  assert.ok(!large.analyse && large.reason === 'too-large' && /250,000 characters, more than transformerFactors\.maxDocumentCharacters \(1,000\)/.test(large.message));
});

test('"*" allows every language or scheme', () => {
  assert.deepEqual(analysisVerdict({ ...doc, languageId: 'rust', scheme: 'vscode-vfs' }, { ...settings, languages: ['*'], schemes: ['*'] }), { analyse: true });
});
