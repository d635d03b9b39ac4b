import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { catalogPathFor } from '../catalog/catalogFile';
import { DictionaryError } from './dictionaryError';
import { readDictionaryHeader, writeDictionaryFile } from './dictionaryFile';
import { importPaperNpy } from './paperNpy';

export interface DictionaryEntry {
  /** The file name without extension: unique within a folder. */
  id: string;
  name: string;
  path: string;
  modelId: string;
  layers: string[];
  atomCount: number;
  hiddenSize: number;
  lambda: number;
  source: 'bundled' | 'user';
  hasCatalog: boolean;
}

/** The dictionaries in the bundled folder and the user's folder, read from their headers only. */
export function listDictionaries(folders: { bundled?: string; user?: string }): { entries: DictionaryEntry[]; errors: string[] } {
  const entries: DictionaryEntry[] = [];
  const errors: string[] = [];
  for (const [source, folder] of [['bundled', folders.bundled], ['user', folders.user]] as const) {
    if (!folder || !existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.tfdict')).sort()) {
      const path = join(folder, file);
      try {
        const header = readDictionaryHeader(path);
        entries.push({
          id: basename(file, '.tfdict'), name: header.name, path, modelId: header.model.id, layers: header.layers,
          atomCount: header.shape[0], hiddenSize: header.shape[1], lambda: header.lambda, source, hasCatalog: existsSync(catalogPathFor(path)),
        });
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  }
  return { entries, errors };
}

/** Imports a TransformerVis .npy into the user folder as a .tfdict and returns its entry. */
export function importIntoFolder(folder: string, npyPath: string, options: Parameters<typeof importPaperNpy>[1]): DictionaryEntry {
  const { dictionary, metadata } = importPaperNpy(npyPath, options);
  mkdirSync(folder, { recursive: true });
  const id = metadata.name.replace(/[^\w.-]+/g, '_');
  const path = join(folder, `${id}.tfdict`);
  if (existsSync(path)) throw new DictionaryError(`a dictionary named "${id}" is already imported; remove it first or import under another name`);
  writeDictionaryFile(path, dictionary, metadata);
  return listDictionaries({ user: folder }).entries.find((e) => e.path === path)!;
}

/** Removes an imported dictionary (and its catalog). Bundled ones are part of the extension. */
export function removeDictionary(entry: DictionaryEntry): void {
  if (entry.source !== 'user') throw new DictionaryError(`"${entry.name}" ships with the extension and cannot be removed`);
  rmSync(entry.path, { force: true });
  rmSync(catalogPathFor(entry.path), { force: true });
}
