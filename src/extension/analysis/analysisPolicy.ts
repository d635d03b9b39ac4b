import type { Settings } from '../settings/settings';

export interface DocumentFacts {
  languageId: string;
  scheme: string;
  /** Length in UTF-16 code units (what `document.getText().length` gives). */
  characters: number;
}

export type AnalysisVerdict =
  | { analyse: true }
  | { analyse: false; reason: 'language' | 'scheme'; message: string }
  | { analyse: false; reason: 'too-large'; message: string };

/** Whether a document is analysed: its language and scheme must be allowed, and it must not be too long. */
export function analysisVerdict(doc: DocumentFacts, settings: Pick<Settings, 'languages' | 'schemes' | 'maxDocumentCharacters'>): AnalysisVerdict {
  if (!allows(settings.schemes, doc.scheme)) {
    return { analyse: false, reason: 'scheme', message: `documents of scheme "${doc.scheme}" are not analysed (setting transformerFactors.schemes)` };
  }
  if (!allows(settings.languages, doc.languageId)) {
    return { analyse: false, reason: 'language', message: `${doc.languageId} documents are not analysed (setting transformerFactors.languages)` };
  }
  if (doc.characters > settings.maxDocumentCharacters) {
    return {
      analyse: false,
      reason: 'too-large',
      message: `this document has ${doc.characters.toLocaleString('en-US')} characters, more than transformerFactors.maxDocumentCharacters (${settings.maxDocumentCharacters.toLocaleString('en-US')}), so it is not analysed`,
    };
  }
  return { analyse: true };
}

function allows(list: readonly string[], value: string): boolean {
  return list.includes('*') || list.includes(value);
}
