import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { catalogPathFor } from '../catalog/catalogFile';
import { DictionaryError, type DictionaryProblem } from './dictionaryError';
import { writeDictionaryFile } from './dictionaryFile';
import { DICTIONARY_EXTENSION } from './dictionaryFormat';
import { readDictionaryHeader } from './dictionaryHeader';
import { fileStemFor } from './fileStemFor';
import { importPaperNpy, type PaperImportOptions } from './paperNpy';

/** Where dictionaries live: the extension's own (read-only) and the user's (imports go there). */
export interface DictionaryFolders {
  /** media/dictionaries in the extension (`bundledDictionaryDir()`). */
  bundled?: string;
  /** A folder the caller owns, e.g. the extension's global storage. */
  user?: string;
}

export type DictionarySource = 'bundled' | 'imported';

export interface DictionaryEntry {
  /** `bundled:<file name>` or `imported:<file name>` (without `.tfdict`): unique and stable. */
  id: string;
  name: string;
  path: string;
  source: DictionarySource;
  modelId: string;
  layers: string[];
  atomCount: number;
  hiddenSize: number;
  lambda: number;
  importedFrom?: string;
  /** SHA-256 of Φ: what a factor catalog names to say which dictionary it describes. */
  dataSha256: string;
  hasCatalog: boolean;
}

/** A `.tfdict` in one of the folders whose header cannot be used; it can still be removed if imported. */
export interface UnusableDictionary {
  id: string;
  path: string;
  source: DictionarySource;
  problem: DictionaryProblem;
  message: string;
}

/** Lists the dictionaries in both folders from their headers alone (Φ is not read). */
export function listDictionaries(folders: DictionaryFolders): { entries: DictionaryEntry[]; unusable: UnusableDictionary[] } {
  const entries: DictionaryEntry[] = [];
  const unusable: UnusableDictionary[] = [];
  for (const [source, folder] of [['bundled', folders.bundled], ['imported', folders.user]] as const) {
    for (const stem of dictionaryStemsIn(folder)) {
      const path = join(folder!, stem + DICTIONARY_EXTENSION);
      try {
        entries.push(entryFor(path, source, stem));
      } catch (error) {
        if (!(error instanceof DictionaryError)) throw error;
        unusable.push({ id: `${source}:${stem}`, path, source, problem: error.problem, message: error.message });
      }
    }
  }
  return { entries, unusable };
}

/** Imports a TransformerVis .npy as a `.tfdict` into the user's folder and returns its entry. */
export function importInto(folder: string, npyPath: string, options: PaperImportOptions): DictionaryEntry {
  const { dictionary, metadata } = importPaperNpy(npyPath, options);
  const stem = fileStemFor(metadata.name);
  const path = join(folder, stem + DICTIONARY_EXTENSION);
  if (existsSync(path)) {
    throw new DictionaryError(`a dictionary named "${stem}" is already imported (${path}): remove it first, or import this one under another name`, 'already-exists');
  }
  mkdirSync(folder, { recursive: true });
  writeDictionaryFile(path, dictionary, metadata);
  return entryFor(path, 'imported', stem);
}

/** Removes an imported dictionary and its catalog; bundled dictionaries are part of the extension. */
export function removeDictionary(folders: DictionaryFolders, id: string): void {
  const [source, stem] = splitId(id);
  if (source === 'bundled') throw new DictionaryError(`dictionary ${stem} ships with the extension and cannot be removed`, 'not-removable');
  const path = folders.user && join(folders.user, stem + DICTIONARY_EXTENSION);
  if (source !== 'imported' || !path || !existsSync(path)) throw new DictionaryError(`there is no imported dictionary ${JSON.stringify(id)} to remove`, 'not-found');
  rmSync(path);
  rmSync(catalogPathFor(path), { force: true });
}

function entryFor(path: string, source: DictionarySource, stem: string): DictionaryEntry {
  const { metadata, atomCount, hiddenSize, dataSha256 } = readDictionaryHeader(path);
  return {
    id: `${source}:${stem}`, name: metadata.name, path, source, modelId: metadata.model.id, layers: metadata.layers,
    atomCount, hiddenSize, lambda: metadata.lambda, importedFrom: metadata.importedFrom, dataSha256, hasCatalog: existsSync(catalogPathFor(path)),
  };
}

function dictionaryStemsIn(folder: string | undefined): string[] {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((file) => file.isFile() && file.name.endsWith(DICTIONARY_EXTENSION))
    .map((file) => file.name.slice(0, -DICTIONARY_EXTENSION.length))
    .sort();
}

/** Splits `source:stem`, refusing anything that is not a plain file name (no path tricks). */
function splitId(id: string): [string, string] {
  const colon = id.indexOf(':');
  const stem = id.slice(colon + 1);
  if (colon < 0 || !stem || stem !== basename(stem) || stem === '.' || stem === '..' || stem.includes('\\')) {
    throw new DictionaryError(`${JSON.stringify(id)} is not a dictionary id (expected imported:<name>)`, 'not-found');
  }
  return [id.slice(0, colon), stem];
}
