// Messages between the extension host (CatalogHost) and the catalog worker thread
// (catalogWorker.ts), which reads factor catalogs so that the editor's thread never parses one.
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorDetails } from '../../core/catalog/factorDetails';

/** What the catalog must match: its dictionary's number of atoms and, when known, its SHA-256. */
export interface CatalogExpectation {
  atomCount: number;
  dictionarySha256?: string;
}

export type CatalogRequest =
  | { type: 'summary'; id: number; path: string; expected: CatalogExpectation }
  | { type: 'details'; id: number; path: string; expected: CatalogExpectation; factor: number };

export type CatalogReply =
  | { type: 'summary'; id: number; summary: CatalogSummary }
  | { type: 'details'; id: number; details: FactorDetails | undefined }
  | { type: 'failed'; id: number; message: string };
