// Texts that are not plain prose, decomposed through the extension's engine worker (as the editor does).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../src/core/model/bundledModel';
import { analysisVerdict } from '../../src/extension/analysis/analysisPolicy';
import { EngineClient } from '../../src/extension/engine/engineClient';
import type { EngineError } from '../../src/extension/engine/engineError';
import type { PartialDecomposition } from '../../src/extension/engine/partialDecomposition';
import { LineIndex } from '../../src/extension/highlight/lineIndex';
import { DEFAULT_SETTINGS } from '../../src/extension/settings/settings';
import { tempDir } from '../core/dictionary/testDictionaries';
import { sampleText } from '../extension/engine/sampleText';
import { ASTRAL_TEXT, MIXED_SCRIPTS_TEXT, binaryBytes, minifiedJs } from './support/oddTexts';
import { assertPartialFits, assertTokensFit, assertWellFormed } from './support/wellFormed';

const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
let client: EngineClient;
let atomCount: number;

before(async () => {
  client = new EngineClient({ workerPath: join(__dirname, '../support/engineWorkerFromSource.mjs') });
  atomCount = (await client.open(sources)).atomCount;
});
after(() => client.dispose());

test('an empty or white-space-only document decomposes to no tokens, with a row-less CSR per layer', async () => {
  for (const text of ['', ' ', '\r\n\r\n\t  \n', '\u00a0\u2003\u3000']) {
    const result = await client.decompose(text);
    assert.deepEqual(result.tokens, [], JSON.stringify(text));
    assert.equal(result.codes.length, client.opened!.layers.length);
    for (const rows of result.codes) assert.deepEqual([...rows.offsets], [0]);
  }
});

test('a binary file opened as text (NUL bytes, invalid UTF-8 as U+FFFD) decomposes, and the file is not changed', async () => {
  const path = join(tempDir('robustness'), 'image.bin');
  writeFileSync(path, binaryBytes(3000));
  const hash = () => createHash('sha256').update(readFileSync(path)).digest('hex');
  const before = hash();
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes('\0') && text.includes('\ufffd'), 'the text holds NUL and replacement characters');
  const result = await client.decompose(text);
  assert.ok(result.tokens.length > 0);
  assertWellFormed(text, result, atomCount);
  assert.equal(hash(), before);
});

test('emoji and astral characters: tokens never split a surrogate pair and slice back to their text', async () => {
  const result = await client.decompose(ASTRAL_TEXT);
  assertWellFormed(ASTRAL_TEXT, result, atomCount);
  const covered = (character: string) => result.tokens.some((t) => ASTRAL_TEXT.slice(t.start, t.end).includes(character));
  for (const character of ['🚀', '𝔘', '𠜎', '😀', '👍🏽']) assert.ok(covered(character), `${character} is inside a token`);
});

test('right-to-left and mixed scripts with bidirectional controls decompose with valid offsets', async () => {
  const result = await client.decompose(MIXED_SCRIPTS_TEXT);
  assertWellFormed(MIXED_SCRIPTS_TEXT, result, atomCount);
  for (const word of ['שלום', 'مرحبا', 'Русский', 'Ελληνικά']) {
    const at = MIXED_SCRIPTS_TEXT.indexOf(word);
    assert.ok(result.tokens.some((t) => t.start <= at && at < t.end), `${word} is inside a token`);
  }
});

test('CRLF and CR line endings: the same tokens and codes as LF, at the same lines and characters', async () => {
  const lf = sampleText(25, 4);
  assert.ok(lf.includes('\n'));
  const expected = await client.decompose(lf);
  const lfLines = new LineIndex(lf);
  for (const newline of ['\r\n', '\r']) {
    const text = lf.replaceAll('\n', newline);
    const result = await client.decompose(text);
    assertWellFormed(text, result, atomCount);
    assert.deepEqual(result.tokens.map((t) => [t.id, t.text]), expected.tokens.map((t) => [t.id, t.text]));
    const lines = new LineIndex(text);
    result.tokens.forEach((token, t) => {
      const want = expected.tokens[t];
      assert.deepEqual(lines.position(token.start), lfLines.position(want.start), `start of token ${t} with ${JSON.stringify(newline)}`);
      assert.deepEqual(lines.position(token.end), lfLines.position(want.end), `end of token ${t} with ${JSON.stringify(newline)}`);
      assert.equal(lines.offset(lines.position(token.start)), token.start);
    });
    result.codes.forEach((rows, l) => {
      assert.deepEqual([...rows.offsets], [...expected.codes[l].offsets], `layer ${l}`);
      assert.deepEqual([...rows.indices], [...expected.codes[l].indices], `layer ${l}`);
      rows.values.forEach((value, j) => assert.ok(Math.abs(value - expected.codes[l].values[j]) <= 1e-5, `layer ${l} code ${j}`));
    });
  }
});

test('minified JavaScript on one 200 KB line: refused by language by default; when allowed, within the size limit, and the visible part is decomposed first', async () => {
  const text = minifiedJs(200_000);
  assert.ok(!text.includes('\n') && text.length > 190_000 && text.length <= DEFAULT_SETTINGS.maxDocumentCharacters, `${text.length} characters`);
  const facts = { languageId: 'javascript', scheme: 'file', characters: text.length };
  const byDefault = analysisVerdict(facts, DEFAULT_SETTINGS);
  assert.ok(!byDefault.analyse && byDefault.reason === 'language' && /transformerFactors\.languages/.test(byDefault.message));
  assert.deepEqual(analysisVerdict(facts, { ...DEFAULT_SETTINGS, languages: ['*'] }), { analyse: true });

  // A full decomposition takes minutes; the editor decomposes what is visible first, which is what is checked here.
  const visible = { start: 100_000, end: 100_400 };
  const controller = new AbortController();
  let partial: PartialDecomposition | undefined;
  let range = { first: 0, last: 0 };
  const covered = () => {
    for (let t = range.first; t <= range.last; t++) if (!partial!.has(t)) return false;
    return true;
  };
  const run = client.decompose(text, {
    signal: controller.signal,
    priority: visible,
    onStart: (p) => {
      partial = p;
      const first = p.tokens.findIndex((t) => t.end > visible.start);
      let last = first;
      while (last + 1 < p.tokens.length && p.tokens[last + 1].start < visible.end) last++;
      range = { first, last };
    },
    onSpan: () => covered() && controller.abort(),
  });
  await assert.rejects(run, (error: EngineError) => error.kind === 'aborted');
  assert.ok(partial && partial.tokens.length > 40_000, `${partial?.tokens.length} tokens`);
  assertTokensFit(text, partial.tokens);
  assertPartialFits(partial, range.first, range.last + 1, atomCount);
  assert.ok(partial.tokensDone < partial.tokens.length / 10, `only about the visible part was decomposed (${partial.tokensDone} tokens)`);
  // The client serves the next request.
  assertWellFormed('var x=1;', await client.decompose('var x=1;'), atomCount);
});
