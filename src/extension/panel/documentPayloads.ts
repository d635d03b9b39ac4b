// The document view's messages, computed from a (possibly partial) decomposition. Free of the
// editor API, so tested directly.
import type { FactorCoefficient } from '../../core/decompose/documentDecomposition';
import type { PartialDecomposition } from '../engine/partialDecomposition';
import type { FactorRef, HostMessage, LayerFactorsView, LegendEntry, PinChangeView } from './protocol';

/** Colours in the webview's categorical palette: the factors strongest on the most tokens get one each. */
export const LEGEND_COLOURS = 10;

export type FactorName = (factor: number) => string;

type Highlights = Extract<HostMessage, { type: 'highlights' }>;

/** One factor's activation on every token, relative to `catalogMax` (else the document's largest). */
export function factorHighlights(partial: PartialDecomposition, layer: number, factor: number, name: FactorName, catalogMax?: number): Highlights {
  const activations = partial.activations(layer, factor);
  let max = 0;
  for (const a of activations) max = Math.max(max, a);
  const scale = catalogMax && catalogMax > 0 ? catalogMax : max || 1;
  return {
    type: 'highlights', mode: 'factor', layer, factor, factorLabel: name(factor),
    values: Array.from(activations, (a) => round(Math.min(1, a / scale))), colors: [], legend: [], scale,
    done: partial.tokensDone, total: partial.tokens.length,
  };
}

/**
 * Each token's strongest factor: the LEGEND_COLOURS factors strongest on the most tokens get a
 * colour (ties to the lower id) and their tokens are shaded by coefficient relative to the
 * document's largest; other tokens are left plain, as in the editor's highlights.
 */
export function strongestHighlights(partial: PartialDecomposition, layer: number, name: FactorName, selected: number): Highlights {
  const { factors, coefficients } = partial.strongest(layer);
  const counts = new Map<number, number>();
  for (const f of factors) if (f >= 0) counts.set(f, (counts.get(f) ?? 0) + 1);
  const chosen = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, LEGEND_COLOURS);
  const colourOf = new Map(chosen.map(([factor], i) => [factor, i]));
  let max = 0;
  for (const c of coefficients) max = Math.max(max, c);
  const scale = max || 1;
  const colors = Array.from(factors, (f) => colourOf.get(f) ?? -1);
  const legend: LegendEntry[] = chosen.map(([id, tokens], color) => ({ id, label: name(id), color, tokens }));
  return {
    type: 'highlights', mode: 'strongest', layer, factor: selected, factorLabel: selected >= 0 ? name(selected) : '',
    values: Array.from(coefficients, (c, t) => (colors[t] >= 0 ? round(Math.min(1, c / scale)) : 0)), colors, legend, scale,
    done: partial.tokensDone, total: partial.tokens.length,
  };
}

/** A token's strongest factors at every layer (at most `shown` each). */
export function tokenDetails(partial: PartialDecomposition, token: number, shown: number, name: FactorName): Extract<HostMessage, { type: 'tokenDetails' }> {
  const layers: LayerFactorsView[] = partial.layers.map((layer, l) => {
    const factors = partial.factorsAt(l, token) ?? [];
    return {
      layer,
      factors: factors.slice(0, shown).map((f) => ({ id: f.id, label: name(f.id), coefficient: f.coefficient })),
      more: Math.max(0, factors.length - shown),
      relativeResidual: partial.relativeResidual(l, token),
    };
  });
  return { type: 'tokenDetails', token, text: partial.tokens[token]?.text ?? '', layers };
}

/** A token's factors at every layer, or undefined while it is not decomposed. */
export function tokenFactors(partial: PartialDecomposition, token: number): FactorCoefficient[][] | undefined {
  if (token < 0 || token >= partial.tokens.length || !partial.has(token)) return undefined;
  return partial.layers.map((_, l) => partial.factorsAt(l, token) ?? []);
}

/** Coefficients closer than this count as unchanged (the coder's own tolerance is far finer). */
const CHANGE_TOLERANCE = 1e-3;

/** How a token's factors changed per layer: gained, lost, and changed coefficients (largest change first). */
export function pinChanges(layers: readonly string[], before: readonly FactorCoefficient[][], after: readonly FactorCoefficient[][], name: FactorName): PinChangeView[] {
  return layers.map((layer, l) => {
    const was = new Map((before[l] ?? []).map((f) => [f.id, f.coefficient]));
    const now = new Map((after[l] ?? []).map((f) => [f.id, f.coefficient]));
    const ref = (id: number): FactorRef => ({ id, label: name(id) });
    const gained = [...now].filter(([id]) => !was.has(id)).map(([id, coefficient]) => ({ ...ref(id), coefficient })).sort((a, b) => b.coefficient - a.coefficient);
    const lost = [...was].filter(([id]) => !now.has(id)).map(([id, coefficient]) => ({ ...ref(id), coefficient })).sort((a, b) => b.coefficient - a.coefficient);
    const changed = [...now].filter(([id, c]) => was.has(id) && Math.abs(c - was.get(id)!) > CHANGE_TOLERANCE)
      .map(([id, after]) => ({ ...ref(id), before: was.get(id)!, after }))
      .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
    return { layer, gained, lost, changed };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
