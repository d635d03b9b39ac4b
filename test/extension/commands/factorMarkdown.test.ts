import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readCatalog, catalogPathFor } from '../../../src/core/catalog/catalogFile';
import { catalogSummary } from '../../../src/core/catalog/catalogSummary';
import { factorDetails } from '../../../src/core/catalog/factorDetails';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../../src/core/model/bundledModel';
import { factorMarkdown } from '../../../src/extension/commands/factorMarkdown';

const catalog = readCatalog(catalogPathFor(join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE)));
const summary = catalogSummary(catalog);

test('a factor’s page shows its labels, per-layer statistics and strongest examples', () => {
  const factor = catalog.factors.find((f) => f.layers.some((l) => l.top.length > 0))!;
  const layerIndex = factor.layers.findIndex((l) => l.top.length > 0);
  const layer = catalog.layers[layerIndex];
  const page = factorMarkdown(summary, factor.id, factorDetails(catalog, factor.id), { layer, note: { label: 'my label', note: 'seen in *legal* text' } });
  assert.match(page, new RegExp(`^# Factor #${factor.id} · my label`));
  assert.ok(page.includes('seen in \\*legal\\* text'), 'the user’s note is escaped');
  for (const name of catalog.layers) assert.ok(page.includes(`| ${name === layer ? `**${name.replace('.', '\\.')}**` : name.replace('.', '\\.')} |`), name);
  const example = factor.layers[layerIndex].top[0];
  const word = catalog.texts[example.text].slice(example.start, example.end);
  assert.ok(page.includes(`## Strongest examples at ${layer.replace('.', '\\.')}`));
  assert.ok(page.includes(`${example.coefficient.toFixed(2)} · `));
  assert.ok(page.includes(`**${word.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`)}**`), word);
});

test('an unknown factor says so', () => {
  assert.match(factorMarkdown(summary, 99_999, factorDetails(catalog, 99_999)), /has no factor 99999/);
});
