import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseWhitespace, words } from '../../../src/core/tokenize/whitespace';

test('words are the runs between any white space, with their offsets', () => {
  assert.deepEqual(Array.from(words('\tab  c\r\nd\u00A0e\u0085f\u3000')), [
    { text: 'ab', start: 1 }, { text: 'c', start: 5 }, { text: 'd', start: 8 }, { text: 'e', start: 10 }, { text: 'f', start: 12 },
  ]);
});

test('collapseWhitespace: one space between words, none around', () => {
  assert.equal(collapseWhitespace('  Hello,\r\n\tworld!  '), 'Hello, world!');
  assert.equal(collapseWhitespace(' \n '), '');
  assert.equal(collapseWhitespace('a\u200Bb'), 'a\u200Bb');
});
