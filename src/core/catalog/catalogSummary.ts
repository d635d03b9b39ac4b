import type { CatalogFactor, FactorAtLayer, FactorCatalog } from './catalog';

/** A factor's statistics at one layer, without its examples. */
export type LayerSummary = Omit<FactorAtLayer, 'top' | 'intervals'>;

/** A factor's label, words, tags, co-occurring factors and per-layer statistics, without examples. */
export type FactorSummary = Omit<CatalogFactor, 'layers'> & { layers: LayerSummary[] };

/**
 * A catalog without its examples and texts, which make up almost all of its size: enough for
 * labels, lists and statistics. It has no `texts` and its layers no `top` or `intervals`, so it
 * cannot be passed where the full catalog is needed; a factor's examples come from factorDetails.
 */
export type CatalogSummary = Omit<FactorCatalog, 'texts' | 'factors'> & { factors: FactorSummary[] };

export function catalogSummary(catalog: FactorCatalog): CatalogSummary {
  const { texts: _texts, factors, ...rest } = catalog;
  return {
    ...rest,
    factors: factors.map((factor) => ({
      ...factor,
      layers: factor.layers.map(({ top: _top, intervals: _intervals, ...stats }) => stats),
    })),
  };
}
