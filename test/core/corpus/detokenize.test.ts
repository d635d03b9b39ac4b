import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detokenize } from '../../../src/core/corpus/detokenize';

const text = (sentence: string): string => detokenize(sentence.split(' ')).text;

test('no space before closing punctuation and clitics, none after opening brackets', () => {
  assert.equal(text('Hello , world ; yes : no ? fine !'), 'Hello, world; yes: no? fine!');
  assert.equal(text('March 17 ( AP ) .'), 'March 17 (AP).');
  assert.equal(text('he [ sic ] said'), 'he [sic] said');
  assert.equal(text("John 's car is n't here"), "John's car isn't here");
  assert.equal(text("we 're sure"), "we're sure");
});

test('`` and \'\' become straight double quotes hugging what they quote', () => {
  assert.equal(text("produced `` no evidence '' that ."), 'produced "no evidence" that.');
  assert.equal(text("`` Only a handful '' , the jury said ."), '"Only a handful", the jury said.');
  assert.equal(text("it was over . ''"), 'it was over."');
});

test('lone single quotes open and close in turn', () => {
  assert.equal(text("the ' Met ' is back"), "the 'Met' is back");
  assert.equal(text("he said , ' Don't worry , Coach -- we'll win '"), "he said, 'Don't worry, Coach -- we'll win'");
});

test('spans point at each surface form', () => {
  const tokens = ['``', 'Yes', "''", ',', 'he', 'said', '.'];
  const { text: joined, spans } = detokenize(tokens);
  assert.equal(joined, '"Yes", he said.');
  assert.deepEqual(spans.map(([s, e]) => joined.slice(s, e)), ['"', 'Yes', '"', ',', 'he', 'said', '.']);
  assert.deepEqual(detokenize([]), { text: '', spans: [] });
});
