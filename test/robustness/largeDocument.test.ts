// A 5 MB file is refused with a message naming the setting; a document of the largest size the
// default setting accepts is decomposed whole through the engine worker in under 1 GB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { analysisVerdict } from '../../src/extension/analysis/analysisPolicy';
import { DEFAULT_SETTINGS } from '../../src/extension/settings/settings';
import { tempDir } from '../core/dictionary/testDictionaries';
import { repeatedProse } from './support/oddTexts';

const GIB = 1024 ** 3;

test('a 5 MB file is not analysed with the default settings, and the message says why and which setting to change', () => {
  const path = join(tempDir('robustness'), 'large.txt');
  writeFileSync(path, repeatedProse(5 * 1024 * 1024));
  const characters = readFileSync(path, 'utf8').length;
  assert.equal(characters, 5 * 1024 * 1024);
  for (const languageId of ['plaintext', 'markdown']) {
    const verdict = analysisVerdict({ languageId, scheme: 'file', characters }, DEFAULT_SETTINGS);
    assert.ok(!verdict.analyse && verdict.reason === 'too-large', JSON.stringify(verdict));
    assert.match(verdict.message, /5,242,880 characters, more than transformerFactors\.maxDocumentCharacters \(200,000\)/);
  }
});

test('a document of the default maximum size is decomposed whole through the engine worker with a peak RSS under 1 GB', async () => {
  const characters = DEFAULT_SETTINGS.maxDocumentCharacters;
  assert.deepEqual(analysisVerdict({ languageId: 'plaintext', scheme: 'file', characters }, DEFAULT_SETTINGS), { analyse: true });
  const child = join(__dirname, 'support/peakMemoryChild.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, String(characters), 'full'], { cwd: join(__dirname, '../..'), timeout: 240_000 });
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { characters: number; tokens: number; tokensDone: number; windows: number; maxRssBytes: number };
  assert.equal(report.characters, characters);
  assert.ok(report.tokens > 40_000 && report.tokensDone === report.tokens, JSON.stringify(report));
  assert.ok(report.maxRssBytes < GIB, `peak RSS ${(report.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
});
