import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHfModelFolder } from '../../../../src/core/model/hf/hfModelFolder';
import { HfTokenizer } from '../../../../src/core/model/hf/tokenize/hfTokenizer';
import type { Token } from '../../../../src/core/tokenize/token';
import { writeTinyBert } from './support/tinyBert';
import { writeTinyGpt2 } from './support/tinyGpt2';
import { byteEncoder } from './support/tinyTokenizers';

const root = mkdtempSync(join(tmpdir(), 'hf-tokenizer-'));
const bertDir = join(root, 'bert');
const gpt2Dir = join(root, 'gpt2');
const bertVocab = writeTinyBert(bertDir).vocab;
const gpt2Vocab = writeTinyGpt2(gpt2Dir).vocab;
const bertPieces = new Map([...bertVocab].map(([piece, id]) => [id, piece]));
const gpt2Pieces = new Map([...gpt2Vocab].map(([piece, id]) => [id, piece]));

const TEXTS = [
  'The river bank was steep. The BANK raised its rates!',
  'Café crème,\r\n\tthen 😀 coffee — naïve?',
  'cafe\u0301 and ﬁsh: unbelievable (playing) 中文 ok',
  '  leading and trailing spaces  ',
  'a [CLS] b',
];

function checkOrder(text: string, tokens: Token[]): void {
  let previous = 0;
  for (const token of tokens) {
    assert.equal(token.text, text.slice(token.start, token.end));
    assert.ok(token.start >= previous && token.end >= token.start, `${JSON.stringify(token)} goes backwards`);
    previous = token.end;
  }
}

// What BertNormalizer does to a span when lower-casing: accents stripped, letters lower-cased.
const bertNormal = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

test('WordPiece (bert-base-uncased style): each token covers exactly the characters it was cut from', async () => {
  const tokenizer = await HfTokenizer.load(readHfModelFolder(bertDir));
  for (const text of TEXTS) {
    const tokens = tokenizer.tokenize(text);
    assert.deepEqual(tokens.map((t) => t.id), tokenizer.encodeIds(text));
    checkOrder(text, tokens);
    for (const token of tokens) {
      const piece = bertPieces.get(token.id)!;
      if (piece === '[UNK]') {
        assert.match(token.text, /^\S+$/u, `[UNK] in ${JSON.stringify(text)} covers ${JSON.stringify(token.text)}`);
      } else if (!piece.startsWith('[')) {
        assert.equal(bertNormal(token.text), piece.replace(/^##/, ''), `${piece} in ${JSON.stringify(text)}`);
      }
    }
  }
  // Lower-cased and stripped of accents, "Café crème" is the vocabulary's "cafe" "creme".
  assert.deepEqual(tokenizer.tokenize('Café crème').map((t) => [t.id, t.text]), [[bertVocab.get('cafe'), 'Café'], [bertVocab.get('creme'), 'crème']]);
  // A combining accent stripped by the normaliser stays with its letter.
  assert.equal(tokenizer.tokenize('cafe\u0301 x')[0].text, 'cafe\u0301');
  // The emoji is unknown to the vocabulary: one [UNK] over exactly its two UTF-16 units.
  const emoji = tokenizer.tokenize('then 😀 coffee').find((t) => t.id === bertVocab.get('[UNK]'))!;
  assert.equal(emoji.text, '😀');
  // A typed special token does not push later tokens off their words.
  const typed = tokenizer.tokenize('a [CLS] b');
  assert.equal(typed[typed.length - 1].text, 'b');
  assert.equal(typed[typed.length - 1].start, 8);
});

test('byte-level BPE (GPT-2 style): tokens carry their bytes, leading spaces are left out of spans', async () => {
  const tokenizer = await HfTokenizer.load(readHfModelFolder(gpt2Dir));
  const decode = new Map(Object.entries(byteEncoder()).map(([byte, char]) => [char, Number(byte)]));
  const bytesOf = (piece: string) => Buffer.from(Array.from(piece, (char) => decode.get(char)!));
  for (const text of TEXTS) {
    const tokens = tokenizer.tokenize(text);
    assert.deepEqual(tokens.map((t) => t.id), tokenizer.encodeIds(text));
    checkOrder(text, tokens);
    // Concatenated, the tokens' bytes are the text's: byte-level BPE loses nothing.
    assert.equal(Buffer.concat(tokens.map((t) => bytesOf(gpt2Pieces.get(t.id)!))).toString('utf8'), text);
    for (const token of tokens) {
      const bytes = bytesOf(gpt2Pieces.get(token.id)!);
      const decoded = bytes.toString('utf8');
      if (decoded.includes('\uFFFD')) continue; // part of a multi-byte character: checked below
      const expected = /\S/u.test(decoded) ? decoded.replace(/^\s+/u, '') : decoded;
      assert.equal(token.text, expected, `${JSON.stringify(decoded)} in ${JSON.stringify(text)}`);
    }
  }
  // The emoji is four byte tokens: the first holds the character, the others are empty at its end.
  const text = 'then 😀 coffee';
  const tokens = tokenizer.tokenize(text);
  const at = text.indexOf('😀');
  const emojiTokens = tokens.filter((t) => t.start >= at && t.end <= at + 2);
  assert.equal(emojiTokens[0].text, '😀');
  assert.ok(emojiTokens.slice(1).every((t) => t.start === at + 2 && t.end === at + 2));
  assert.ok(emojiTokens.length >= 4);
});
