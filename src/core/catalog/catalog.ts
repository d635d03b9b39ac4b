/**
 * What the editor shows about each factor, computed once from a corpus and stored beside the
 * dictionary (see catalogFile.ts). Examples point into `texts`, so no corpus is needed to show them.
 */
export interface FactorCatalog {
  formatVersion: 1;
  dictionary: { name: string; sha256: string };
  model: string;
  layers: string[];
  atomCount: number;
  lambda: number;
  corpus: { name: string; texts: number; tokens: number };
  /** IS(c, l) is the mean of factor c's this-many largest coefficients at layer l. */
  importanceTopN: number;
  texts: string[];
  factors: CatalogFactor[];
}

export interface CatalogFactor {
  id: number;
  label: string;
  /** Whether the label names the majority word or the majority part of speech. */
  labelKind: 'word' | 'tag';
  /** Share of the top activations that carry the label's word (or tag). */
  purity: number;
  topWords: Array<{ word: string; count: number }>;
  topTags: Array<{ tag: string; count: number }>;
  layers: FactorAtLayer[];
  /** Factors most often active on the same token, with P(other active | this active). */
  cooccurring: Array<{ id: number; share: number }>;
}

export interface FactorAtLayer {
  /** Fraction of corpus tokens on which the factor is active at this layer. */
  activeFraction: number;
  importance: number;
  maxCoefficient: number;
  /** Estimated counts of non-zero coefficients in equal bins over (0, maxCoefficient]. */
  histogram: number[];
  top: CatalogExample[];
  /** Examples from lower activation intervals, as fractions of maxCoefficient. */
  intervals: Array<{ from: number; to: number; examples: CatalogExample[] }>;
}

export interface CatalogExample {
  /** Index into FactorCatalog.texts. */
  text: number;
  start: number;
  end: number;
  coefficient: number;
}
