import { catalogPathFor, readCatalog } from '../../core/catalog/catalogFile';
import type { FactorCatalog } from '../../core/catalog/catalog';
import type { DictionaryEntry } from '../../core/dictionary/dictionaryStore';

/** A catalog takes tens of megabytes once parsed: keep only the few most recently used. */
const DEFAULT_CAPACITY = 2;

/**
 * Factor catalogs by dictionary, read on first use and kept for the few dictionaries in use.
 * A catalog is tied to its dictionary's SHA, so a replaced dictionary is never shown an old one.
 */
export class CatalogCache {
  private readonly loaded = new Map<string, Promise<FactorCatalog>>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The dictionary's catalog; rejects with a message for the user when it is missing or stale. */
  get(entry: DictionaryEntry): Promise<FactorCatalog> {
    const key = keyOf(entry);
    let catalog = this.loaded.get(key);
    this.loaded.delete(key);
    if (!catalog) {
      const loading = load(entry);
      catalog = loading;
      // Older catalogs make room only once this one has loaded; a failed read is forgotten
      // (the user may build the catalog and try again) and evicts nothing.
      loading.then(
        () => this.trim(),
        () => this.loaded.get(key) === loading && this.loaded.delete(key),
      );
    }
    this.loaded.set(key, catalog);
    return catalog;
  }

  private trim(): void {
    for (const oldest of this.loaded.keys()) {
      if (this.loaded.size <= this.capacity) break;
      this.loaded.delete(oldest);
    }
  }

  /** Forgets everything, e.g. after dictionaries were re-listed. */
  clear(): void {
    this.loaded.clear();
  }
}

async function load(entry: DictionaryEntry): Promise<FactorCatalog> {
  if (!entry.hasCatalog) {
    throw new Error(`dictionary "${entry.name}" has no factor catalog (${catalogPathFor(entry.path)}), so its factors have no labels or examples (catalogs are built when a dictionary is trained)`);
  }
  // Let the caller's current work finish first; reading takes a few hundred milliseconds.
  await new Promise((resolve) => setImmediate(resolve));
  return readCatalog(catalogPathFor(entry.path), { atomCount: entry.atomCount, dictionarySha256: entry.dataSha256 });
}

const keyOf = (entry: DictionaryEntry) => `${entry.path}\n${entry.dataSha256}`;
