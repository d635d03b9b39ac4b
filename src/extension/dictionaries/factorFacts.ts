import type { CatalogSummary, FactorSummary } from '../../core/catalog/catalogSummary';
import type { FactorNote } from '../../core/annotations/factorNotesFile';

/** Importance IS(c, l) at one layer, or the largest over all layers when no layer is given. */
export function importanceOf(factor: FactorSummary, layerIndex?: number): number {
  if (layerIndex !== undefined) return factor.layers[layerIndex]?.importance ?? 0;
  return Math.max(0, ...factor.layers.map((layer) => layer.importance));
}

/** The layer at which the factor matters most (the first on ties). */
export function strongestLayerIndex(factor: FactorSummary): number {
  let best = 0;
  factor.layers.forEach((layer, index) => {
    if (layer.importance > (factor.layers[best]?.importance ?? 0)) best = index;
  });
  return best;
}

const ordered = new WeakMap<CatalogSummary, Map<number | 'max', readonly FactorSummary[]>>();

/** The catalog's factors from most to least important (at a layer, or over all), then by id. */
export function factorsByImportance(catalog: CatalogSummary, layerIndex?: number): readonly FactorSummary[] {
  let byLayer = ordered.get(catalog);
  if (!byLayer) ordered.set(catalog, (byLayer = new Map()));
  const key = layerIndex ?? 'max';
  let factors = byLayer.get(key);
  if (!factors) {
    factors = [...catalog.factors].sort((a, b) => importanceOf(b, layerIndex) - importanceOf(a, layerIndex) || a.id - b.id);
    byLayer.set(key, factors);
  }
  return factors;
}

export function topWordsText(factor: FactorSummary, count: number): string {
  return factor.topWords.slice(0, count).map((w) => w.word).join(', ');
}

/** `#12 · the user's label` when there is one, else `#12 · the catalog's label`. */
export function factorTitle(factor: Pick<FactorSummary, 'id' | 'label'>, note?: FactorNote): string {
  const name = note?.label ?? factor.label;
  return name ? `#${factor.id} · ${name}` : `#${factor.id}`;
}

export function formatImportance(importance: number): string {
  return importance >= 100 ? importance.toFixed(0) : importance >= 10 ? importance.toFixed(1) : importance.toFixed(2);
}
