import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ModelTokenizer } from '../../../src/core/tokenize/modelTokenizer';
import { referenceTokenizer } from '../../support/referenceTokenizer';
import { useLiteTokenizer, useLiteTokenizerJson, useLiteVocab } from './useLiteTokenizer';

const tokenizer = useLiteTokenizer();
const vocab = useLiteVocab();

/** Tokens as [piece, start, end]: the piece says which id it is, start/end where it is. */
function spans(text: string): Array<[string, number, number]> {
  return tokenizer.tokenize(text).map((t) => {
    assert.equal(t.text, text.slice(t.start, t.end));
    return [vocab[t.id][0], t.start, t.end];
  });
}

test('words and punctuation', () => {
  assert.deepEqual(spans('Hello, world!'), [['▁H', 0, 1], ['ello', 1, 5], [',', 5, 6], ['▁world', 7, 12], ['!', 12, 13]]);
  assert.deepEqual(spans('"Hi"'), [['▁"', 0, 1], ['H', 1, 2], ['i', 2, 3], ['"', 3, 4]]);
});

test('CRLF, tabs and runs of spaces are single word boundaries, never tokens', () => {
  assert.deepEqual(spans('a\r\nb\tc  d'), [['▁a', 0, 1], ['▁b', 3, 4], ['▁c', 5, 6], ['▁d', 8, 9]]);
  assert.deepEqual(spans('\r\n\t x \u00A0'), [['▁x', 4, 5]]);
});

test('empty and white-space-only texts have no tokens', () => {
  assert.deepEqual(tokenizer.tokenize(''), []);
  assert.deepEqual(tokenizer.tokenize(' \r\n\t\u00A0\u3000'), []);
  assert.deepEqual(tokenizer.encodeIds(''), []);
});

test('NFKC expansions map back to the whole original character', () => {
  assert.deepEqual(spans('ﬁne'), [['▁fine', 0, 3]]);
  // ½ → 1⁄2: the first piece takes the character, the others are empty at its end.
  assert.deepEqual(spans('½'), [['▁1', 0, 1], ['⁄', 1, 1], ['2', 1, 1]]);
  assert.deepEqual(spans('Ｈｅｌｌｏ'), [['▁H', 0, 1], ['ello', 1, 5]]);
  // ´ → space + combining acute: a word boundary inside a character.
  assert.deepEqual(spans('a´b'), [['▁a', 0, 1], ['▁', 1, 2], ['\u0301', 2, 2], ['b', 2, 3]]);
});

test('composed characters span all their code points', () => {
  // e + combining acute → é; a lone ▁ before it is empty at the start of the word.
  assert.deepEqual(spans('e\u0301x'), [['▁', 0, 0], ['é', 0, 2], ['x', 2, 3]]);
});

test('unknown characters: one token over the exact run, surrogate pairs whole', () => {
  assert.deepEqual(spans('a😀b'), [['▁a', 0, 1], ['�', 1, 3], ['b', 3, 4]]);
  assert.deepEqual(spans('👍🏽 ok'), [['▁', 0, 0], ['�', 0, 4], ['▁ok', 5, 7]]);
  assert.deepEqual(spans('\uFFFD\uFFFDx'), [['▁', 0, 0], ['�', 0, 2], ['x', 2, 3]]);
  assert.deepEqual(spans('a\uD800b'), [['▁a', 0, 1], ['�', 1, 2], ['b', 2, 3]]);
});

test('right-to-left scripts', () => {
  assert.deepEqual(spans('שלום'), [['▁', 0, 0], ['�', 0, 4]]);
  assert.deepEqual(spans('مرحبا'), [['▁', 0, 0], ['م', 0, 1], ['�', 1, 4], ['ا', 4, 5]]);
});

test('edge cases of the reference: leading space, control symbols, U+FFFD', () => {
  const reference = referenceTokenizer();
  for (const text of [' ', ' x', '´x', '<s> hi</s> extra_token_id_1', '\uFFFD€x\uFFFD\uFFFDy', 'a\tb\nc', '\u2581\u2581x']) {
    assert.deepEqual(tokenizer.encodeIds(text), reference(text), JSON.stringify(text));
  }
});

test('very long words are cut where no piece spans, without changing the ids', () => {
  const reference = referenceTokenizer();
  const long = 'Theboardofdirectorsmetyesterdayinaclosedsessiontodiscusstheproposedmerger,'.repeat(40);
  assert.ok(long.length > 2000);
  assert.deepEqual(tokenizer.encodeIds(long), reference(long));
});

// Speed is measured by the benchmark (npm run bench), not asserted here; this checks that a
// megabyte, even as one unbroken word, is tokenized whole (no stack overflow, nothing dropped).
test('a megabyte of text tokenizes whole, even as one word', () => {
  const words = 'The quick brown fox jumps over the lazy dog; naïve ﬁsh swim\r\n\tin 1,234 ponds. '.repeat(12_500);
  for (const text of [words, 'a'.repeat(1_000_000)]) {
    const tokens = ModelTokenizer.fromTokenizerJson(useLiteTokenizerJson()).tokenize(text);
    assert.equal(tokens[0].start, 0);
    assert.equal(tokens.at(-1)?.end, text.trimEnd().length);
    for (let i = 1; i < tokens.length; i += 997) assert.ok(tokens[i].start >= tokens[i - 1].end);
  }
});

test('load reads a tokenizer.json file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenizer-'));
  try {
    const path = join(dir, 'tokenizer.json');
    writeFileSync(path, JSON.stringify(useLiteTokenizerJson()));
    const loaded = await ModelTokenizer.load(path);
    assert.deepEqual(loaded.encodeIds('Hello, world!'), tokenizer.encodeIds('Hello, world!'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
