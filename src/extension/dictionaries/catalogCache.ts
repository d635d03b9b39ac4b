import { catalogPathFor } from '../../core/catalog/catalogFile';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorDetails } from '../../core/catalog/factorDetails';
import type { DictionaryEntry } from '../../core/dictionary/dictionaryStore';
import { CatalogHost } from '../catalog/catalogHost';

/** Summaries take a few megabytes each: keep only the few most recently used. */
const DEFAULT_CAPACITY = 2;

/**
 * Factor catalogs by dictionary, read on first use on the catalog worker and kept for the few
 * dictionaries in use: here their summaries (labels, words, statistics), there the full catalogs,
 * from which one factor's examples are fetched when shown. A catalog is tied to its dictionary's
 * SHA, so a replaced dictionary is never shown an old one.
 */
export class CatalogCache {
  private readonly loaded = new Map<string, Promise<CatalogSummary>>();

  constructor(
    private readonly host = new CatalogHost({ capacity: DEFAULT_CAPACITY }),
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The dictionary's catalog summary; rejects with a message for the user when it is missing or stale. */
  get(entry: DictionaryEntry): Promise<CatalogSummary> {
    const key = keyOf(entry);
    let catalog = this.loaded.get(key);
    this.loaded.delete(key);
    if (!catalog) {
      const loading = this.load(entry);
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

  /** One factor of the dictionary's catalog with its examples; undefined when the catalog has no such factor. */
  async details(entry: DictionaryEntry, factor: number): Promise<FactorDetails | undefined> {
    checkHasCatalog(entry);
    return this.host.details(catalogPathFor(entry.path), expectationOf(entry), factor);
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

  /** Ends the catalog worker. */
  dispose(): void {
    this.loaded.clear();
    this.host.dispose();
  }

  private async load(entry: DictionaryEntry): Promise<CatalogSummary> {
    checkHasCatalog(entry);
    return this.host.summary(catalogPathFor(entry.path), expectationOf(entry));
  }
}

function checkHasCatalog(entry: DictionaryEntry): void {
  if (!entry.hasCatalog) {
    throw new Error(`dictionary "${entry.name}" has no factor catalog (${catalogPathFor(entry.path)}), so its factors have no labels or examples (catalogs are built when a dictionary is trained)`);
  }
}

const expectationOf = (entry: DictionaryEntry) => ({ atomCount: entry.atomCount, dictionarySha256: entry.dataSha256 });
const keyOf = (entry: DictionaryEntry) => `${entry.path}\n${entry.dataSha256}`;
