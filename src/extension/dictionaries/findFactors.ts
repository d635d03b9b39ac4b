import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorNote } from '../../core/annotations/factorNotesFile';
import { factorsByImportance } from './factorFacts';

export interface FactorMatch {
  factor: number;
  /** Where the word was found, for the user: `top word "mr." (5×)`, `label`, `your label`, `your note`. */
  where: string[];
  /** One of the factor's top words is the word itself, not just a word containing it. */
  exact: boolean;
  /** How many of the factor's top activations are on the word itself (0 unless exact). */
  count: number;
}

/**
 * Factors whose top words, label, or the user's label or note contain the word (ignoring case).
 * Those with the word itself among their top words come first, the most often it tops their
 * activations first; then the rest; ties by importance.
 */
export function findFactorsByWord(catalog: CatalogSummary, word: string, notes?: (factor: number) => FactorNote | undefined): FactorMatch[] {
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
    const count = words.filter((w) => w.word.toLocaleLowerCase() === needle).reduce((sum, w) => sum + w.count, 0);
    if (where.length) matches.push({ factor: factor.id, where, exact: count > 0, count });
  }
  // Array.prototype.sort is stable, so equal counts keep the importance order.
  return [...matches.filter((m) => m.exact).sort((a, b) => b.count - a.count), ...matches.filter((m) => !m.exact)];
}
