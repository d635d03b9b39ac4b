import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BROWN_HELD_OUT_FILES, brownSentences, brownSplit, listBrownFiles, readBrownFile,
} from '../../../src/core/corpus/brownCorpus';

const files = listBrownFiles();
const all = Array.from(brownSentences(files.map((f) => f.fileId)));

test('500 files in 15 categories', () => {
  assert.equal(files.length, 500);
  assert.equal(new Set(files.map((f) => f.category)).size, 15);
  assert.deepEqual(files[0], { fileId: 'ca01', category: 'news' });
  assert.deepEqual(files.at(-1), { fileId: 'cr09', category: 'humor' });
});

test('sentence and word counts are those of the Brown Corpus', (t) => {
  const words = all.reduce((sum, s) => sum + s.words.length, 0);
  t.diagnostic(`${all.length} sentences, ${words} words`);
  assert.ok(all.length >= 57_000 && all.length <= 57_700, `${all.length} sentences`);
  assert.ok(words >= 1_150_000 && words <= 1_170_000, `${words} words`);
});

test('every word slices back to its surface form; tags are present', () => {
  for (const s of all) {
    for (const w of s.words) {
      const surface = w.word === '``' || w.word === "''" ? '"' : w.word;
      assert.equal(s.text.slice(w.start, w.end), surface, `${s.fileId}#${s.index}: ${w.word}`);
      assert.ok(w.tag.length > 0, `${s.fileId}#${s.index}: ${w.word} has no tag`);
    }
    assert.equal(s.text, s.text.trim());
  }
});

test('the first sentence, read word by word', () => {
  const [first] = readBrownFile('ca01');
  assert.equal(first.index, 0);
  assert.equal(first.text, "The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election produced \"no evidence\" that any irregularities took place.");
  assert.deepEqual(first.words.slice(0, 2), [{ word: 'The', tag: 'at', start: 0, end: 3 }, { word: 'Fulton', tag: 'np-tl', start: 4, end: 10 }]);
  assert.deepEqual(first.words.find((w) => w.word === "Atlanta's"), { word: "Atlanta's", tag: 'np$', start: 61, end: 70 });
});

test('words holding a slash keep it; the tag is after the last one', () => {
  const words = all.flatMap((s) => s.words);
  assert.ok(words.some((w) => w.word === 'and/or' && w.tag === 'cc'));
  assert.ok(words.some((w) => w.word === '/' && w.tag === 'in'));
});

test('the split: deterministic, disjoint, complete, one or more files of every category, about 5%', (t) => {
  const split = brownSplit(files);
  assert.deepEqual(brownSplit(listBrownFiles()), split);
  const train = new Set(split.train.map((f) => f.fileId));
  assert.ok(split.heldOut.every((f) => !train.has(f.fileId)));
  assert.equal(split.train.length + split.heldOut.length, files.length);
  assert.deepEqual(split.heldOut.map((f) => f.fileId), [...BROWN_HELD_OUT_FILES]);
  assert.deepEqual(new Set(split.heldOut.map((f) => f.category)), new Set(files.map((f) => f.category)));
  const heldOut = new Set(BROWN_HELD_OUT_FILES);
  const share = all.filter((s) => heldOut.has(s.fileId)).length / all.length;
  t.diagnostic(`held out: ${split.heldOut.length} files, ${(100 * share).toFixed(1)}% of sentences`);
  assert.ok(share > 0.04 && share < 0.06);
});

test('sentences come file by file, in order', () => {
  const two = Array.from(brownSentences(['cb14', 'ca02']));
  assert.deepEqual([...new Set(two.map((s) => s.fileId))], ['cb14', 'ca02']);
  assert.deepEqual(two.filter((s) => s.fileId === 'ca02').map((s) => s.index), readBrownFile('ca02').map((_, i) => i));
});
