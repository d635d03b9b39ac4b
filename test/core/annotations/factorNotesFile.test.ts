import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dictionaryKey, FactorNotesError, parseFactorNotes, withFactorNote } from '../../../src/core/annotations/factorNotesFile';

const dictionary = { id: 'bundled:use-lite-brown', sha256: 'a'.repeat(64), name: 'k1024' };
const key = dictionaryKey(dictionary.id, dictionary.sha256);

test('a note written into no file creates one that reads back, filed under id and SHA', () => {
  const text = withFactorNote(undefined, dictionary, 12, { label: '  titles\n(Mr., Mrs.) ', note: 'before names' });
  const raw = JSON.parse(text);
  assert.equal(raw.dictionaries[dictionary.id][dictionary.sha256].name, 'k1024');
  const parsed = parseFactorNotes(text);
  assert.deepEqual(parsed, { notes: new Map([[key, new Map([[12, { label: 'titles (Mr., Mrs.)', note: 'before names' }]])]]), problems: [], malformed: false });
  assert.ok(text.endsWith('\n'));
});

test('notes of another dictionary version are kept apart', () => {
  let text = withFactorNote(undefined, dictionary, 3, { label: 'old' });
  text = withFactorNote(text, { ...dictionary, sha256: 'b'.repeat(64) }, 3, { label: 'new' });
  const { notes } = parseFactorNotes(text);
  assert.equal(notes.get(key)?.get(3)?.label, 'old');
  assert.equal(notes.get(dictionaryKey(dictionary.id, 'b'.repeat(64)))?.get(3)?.label, 'new');
});

test('edits keep comments, unknown keys and other notes, and change only what they touch', () => {
  const original = [
    '{',
    '  // our team’s names for factors',
    '  "owner": "ada",',
    '  "dictionaries": {',
    `    "${dictionary.id}": {`,
    `      "${dictionary.sha256}": {`,
    '        "factors": {',
    '          "5": { "label": "five", "reviewed": true },',
    '          "7": { "note": "seven" },',
    '        },',
    '      },',
    '    },',
    '  },',
    '}',
    '',
  ].join('\n');
  const updated = withFactorNote(original, dictionary, 5, { label: 'FIVE', note: 'checked' });
  assert.ok(updated.includes('// our team’s names for factors'));
  assert.ok(updated.includes('"owner": "ada"'));
  assert.ok(updated.includes('"reviewed": true'));
  const { notes, problems } = parseFactorNotes(updated);
  assert.deepEqual(problems, []);
  assert.deepEqual(notes.get(key)?.get(5), { label: 'FIVE', note: 'checked' });
  assert.deepEqual(notes.get(key)?.get(7), { note: 'seven' });

  // Clearing label and note removes them; a factor entry with keys of its own stays, a plain one goes.
  const cleared = withFactorNote(withFactorNote(updated, dictionary, 5, { label: ' ', note: '' }), dictionary, 7, {});
  assert.ok(cleared.includes('"reviewed": true'));
  assert.ok(!cleared.includes('FIVE') && !cleared.includes('seven'));
  assert.equal(parseFactorNotes(cleared).notes.get(key)?.size, 0);
});

test('a malformed file is reported with its position and never rewritten', () => {
  const broken = '{\n  "dictionaries": {\n    "x": \n}';
  const parsed = parseFactorNotes(broken);
  assert.equal(parsed.malformed, true);
  assert.equal(parsed.notes.size, 0);
  assert.match(parsed.problems[0], /line \d+, column \d+/);
  assert.throws(() => withFactorNote(broken, dictionary, 1, { label: 'x' }), (error) => error instanceof FactorNotesError && /fix or remove it/.test(error.message));
  assert.equal(parseFactorNotes('[1, 2]').malformed, true);
  assert.throws(() => withFactorNote('{ "dictionaries": [] }', dictionary, 1, { label: 'x' }), FactorNotesError);
});

test('entries of the wrong shape are skipped and named, the rest still read', () => {
  const text = JSON.stringify({
    dictionaries: {
      [dictionary.id]: { [dictionary.sha256]: { factors: { '1': { label: 'one' }, abc: { label: 'x' }, '2': { label: 42 }, '3': 'three' } } },
      other: 'not an object',
    },
  });
  const { notes, problems, malformed } = parseFactorNotes(text);
  assert.equal(malformed, false);
  assert.deepEqual([...notes.get(key)!.keys()], [1]);
  assert.equal(problems.length, 4);
  assert.ok(problems.some((p) => p.includes('factors.abc')));
  assert.ok(problems.some((p) => p.startsWith('dictionaries.other')));
  assert.deepEqual(parseFactorNotes('  ').notes.size, 0);
});

test('factor numbers must be non-negative integers', () => {
  assert.throws(() => withFactorNote(undefined, dictionary, -1, { label: 'x' }), FactorNotesError);
  assert.throws(() => withFactorNote(undefined, dictionary, 1.5, { label: 'x' }), FactorNotesError);
});
