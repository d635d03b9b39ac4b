import type { CatalogExample, CatalogFactor, FactorCatalog } from './catalog';

/** One factor in full, with the corpus texts its examples point into (indexes into `texts` here). */
export interface FactorDetails {
  factor: CatalogFactor;
  texts: string[];
}

/** Factor `id` with its examples and only the texts they use, re-indexed; undefined when there is no such factor. */
export function factorDetails(catalog: FactorCatalog, id: number): FactorDetails | undefined {
  const factor = catalog.factors[id];
  if (!factor) return undefined;
  const texts: string[] = [];
  const indexOf = new Map<number, number>();
  const reindex = (example: CatalogExample): CatalogExample => {
    let text = indexOf.get(example.text);
    if (text === undefined) {
      text = texts.push(catalog.texts[example.text] ?? '') - 1;
      indexOf.set(example.text, text);
    }
    return { ...example, text };
  };
  return {
    factor: {
      ...factor,
      layers: factor.layers.map((layer) => ({
        ...layer,
        top: layer.top.map(reindex),
        intervals: layer.intervals.map((interval) => ({ ...interval, examples: interval.examples.map(reindex) })),
      })),
    },
    texts,
  };
}
