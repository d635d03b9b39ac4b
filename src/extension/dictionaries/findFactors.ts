import type { FactorCatalog } from '../../core/catalog/catalog';
import type { FactorNote } from '../../core/annotations/factorNotesFile';
import { factorsByImportance } from './factorFacts';

export interface FactorMatch {
  factor: number;
  /** Where the word was found, for the user: `top word "mr." (5×)`, `label`, `your label`, `your note`. */
  where: string[];
  /** One of the factor's top words is the word itself, not just a word containing it. */
  exact: boolean;
}

/**
 * Factors whose top words, label, or the user's label or note contain the word (ignoring case),
 * those with the word itself among their top words first, each group by importance.
 */
export function findFactorsByWord(catalog: FactorCatalog, word: string, notes?: (factor: number) => FactorNote | undefined): FactorMatch[] {
  const needle = word.trim().toLocaleLowerCase();
  if (!needle) return [];
  const has = (text: string | undefined) => text?.toLocaleLowerCase().includes(needle) ?? false;
  const matches: FactorMatch[] = [];
  for (const factor of factorsByImportance(catalog)) {
    const note = notes?.(factor.id);
    const words = factor.topWords.filter((w) => has(w.word));
    const where = [
      ...words.map((w) => `top word "${w.word}" (${w.count}×)`),
      ...(has(factor.label) ? ['label'] : []),
      ...(has(note?.label) ? ['your label'] : []),
      ...(has(note?.note) ? ['your note'] : []),
    ];
    if (where.length) matches.push({ factor: factor.id, where, exact: words.some((w) => w.word.toLocaleLowerCase() === needle) });
  }
  return [...matches.filter((m) => m.exact), ...matches.filter((m) => !m.exact)];
}
