import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FactorCatalog } from './catalog';

export class CatalogError extends Error {}

/** Catalogs are gzip-compressed JSON, `<dictionary>.catalog.json.gz` beside the dictionary file. */
export function catalogPathFor(dictionaryPath: string): string {
  return dictionaryPath.replace(/\.tfdict$/, '') + '.catalog.json.gz';
}

export function writeCatalog(path: string, catalog: FactorCatalog): void {
  writeFileSync(path, gzipSync(JSON.stringify(catalog), { level: 9 }));
}

/** Reads and checks a catalog; `expect` ties it to the dictionary it describes. */
export function readCatalog(path: string, expect?: { atomCount: number; dictionarySha256?: string }): FactorCatalog {
  let catalog: FactorCatalog;
  try {
    catalog = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as FactorCatalog;
  } catch (error) {
    throw new CatalogError(`${path} is not a readable factor catalog (gzip-compressed JSON): ${(error as Error).message}`, { cause: error });
  }
  if (catalog.formatVersion !== 1) throw new CatalogError(`${path} has catalog format ${String(catalog.formatVersion)}; this version reads format 1`);
  if (!Array.isArray(catalog.factors) || !Array.isArray(catalog.texts) || !Array.isArray(catalog.layers)) {
    throw new CatalogError(`${path} is missing factors, texts or layers`);
  }
  if (expect && catalog.factors.length !== expect.atomCount) {
    throw new CatalogError(`${path} describes ${catalog.factors.length} factors but its dictionary has ${expect.atomCount}: rebuild the catalog`);
  }
  if (expect?.dictionarySha256 && catalog.dictionary.sha256 !== expect.dictionarySha256) {
    throw new CatalogError(`${path} was built for another version of dictionary "${catalog.dictionary.name}": rebuild the catalog`);
  }
  return catalog;
}
