import { join } from 'node:path';
import { catalogPathFor, readCatalog } from '../../src/core/catalog/catalogFile';
import type { FactorCatalog } from '../../src/core/catalog/catalog';
import { listDictionaries, type DictionaryEntry } from '../../src/core/dictionary/dictionaryStore';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../src/core/model/bundledModel';

// The real dictionary that ships with the extension, read once per test file.
let cached: { entry: DictionaryEntry; catalog: FactorCatalog } | undefined;

export function bundledDictionary(): { entry: DictionaryEntry; catalog: FactorCatalog } {
  if (cached) return cached;
  const path = join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE);
  const entry = listDictionaries({ bundled: bundledDictionaryDir() }).entries.find((e) => e.path === path);
  if (!entry) throw new Error(`the bundled dictionary ${path} is missing`);
  cached = { entry, catalog: readCatalog(catalogPathFor(path), { atomCount: entry.atomCount, dictionarySha256: entry.dataSha256 }) };
  return cached;
}
