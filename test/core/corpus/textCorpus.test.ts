import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusTexts, splitCorpusTexts } from '../../../src/core/corpus/textCorpus';
import { readTextFolder } from '../../../src/core/corpus/textFolder';

test('documents become paragraph texts with word spans, long paragraphs cut at sentence ends', () => {
  const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
  const texts = corpusTexts([{ id: 'a.md', text: `# Title\n\nFirst  paragraph,\nsame one.\n\n\n${long}` }], { maxCharacters: 200 });
  assert.equal(texts[0].text, '# Title');
  assert.equal(texts[1].text, 'First paragraph, same one.');
  assert.deepEqual(texts[1].words.map((w) => texts[1].text.slice(w.start, w.end)), ['First', 'paragraph', ',', 'same', 'one', '.']);
  const pieces = texts.slice(2);
  assert.ok(pieces.length >= 5);
  assert.ok(pieces.every((p) => p.text.length <= 200 && p.text.endsWith('.')));
  assert.equal(pieces.map((p) => p.text).join(' '), long);
  assert.deepEqual(texts.map((t) => [t.fileId, t.index]), texts.map((_, i) => ['a.md', i]));
});

test('held-out texts: every 20th, none shared with training', () => {
  const texts = corpusTexts(Array.from({ length: 100 }, (_, i) => ({ id: `${i}.txt`, text: `Text ${i}.` })));
  const { train, heldOut } = splitCorpusTexts(texts);
  assert.equal(heldOut.length, 5);
  assert.equal(train.length, 95);
  assert.ok(heldOut.every((h) => !train.includes(h)));
});

test('a folder’s text files, in path order, without hidden or build folders, binary files or invalid UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'text-folder-'));
  mkdirSync(join(dir, 'b', 'node_modules'), { recursive: true });
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, 'b', 'two.md'), 'Two.');
  writeFileSync(join(dir, 'a.txt'), '\uFEFFOne.');
  writeFileSync(join(dir, 'b', 'node_modules', 'skip.txt'), 'Skipped.');
  writeFileSync(join(dir, '.hidden', 'skip.txt'), 'Skipped.');
  writeFileSync(join(dir, 'code.ts'), 'const x = 1;');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x41, 0, 0x42]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  assert.deepEqual(readTextFolder(dir), [{ id: 'a.txt', text: 'One.' }, { id: 'b/two.md', text: 'Two.' }]);
  assert.deepEqual(readTextFolder(dir, { maxBytes: 8 }), [{ id: 'a.txt', text: 'One.' }]);
});
