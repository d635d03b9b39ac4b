import { decompositionToCsv, decompositionToJson } from '../../core/decompose/exportDecomposition';
import type { DocumentDecomposition } from '../../core/decompose/documentDecomposition';

export type ExportFormat = 'json' | 'csv';

export interface ExportMeta {
  model: string;
  dictionary: string;
  lambda: number;
  source?: string;
}

/** CSV for a path ending in .csv, else JSON. */
export function formatForPath(path: string): ExportFormat {
  return /\.csv$/i.test(path) ? 'csv' : 'json';
}

/** `notes.txt` → `notes.factors.json`, beside the document. */
export function defaultExportName(documentName: string, format: ExportFormat): string {
  const base = documentName.replace(/\.[^./\\]*$/, '') || 'document';
  return `${base}.factors.${format}`;
}

/** Every token, layer, non-zero factor and coefficient, in the chosen format. */
export function exportContents(decomposition: DocumentDecomposition, format: ExportFormat, meta: ExportMeta): string {
  return format === 'csv' ? decompositionToCsv(decomposition) : decompositionToJson(decomposition, meta);
}
