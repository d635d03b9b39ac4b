// The factor dashboard's content, from the dictionary's catalog. Free of the editor API.
import type { CatalogExample } from '../../core/catalog/catalog';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorDetails } from '../../core/catalog/factorDetails';
import type { DashboardView, ExampleRef, ExampleView } from './protocol';

/** Characters of corpus text shown on each side of an example's token. */
const CONTEXT_CHARACTERS = 90;

export interface UserNote {
  label?: string;
  note?: string;
}

/** The dashboard of the factor whose details are given (undefined when the catalog has no such factor). */
export function dashboardView(catalog: CatalogSummary, details: FactorDetails | undefined, layer: number, note: UserNote, name: (id: number) => string): DashboardView | undefined {
  if (!details) return undefined;
  const entry = details.factor;
  const factor = entry.id;
  const at = Math.min(Math.max(0, layer), entry.layers.length - 1);
  const stats = entry.layers[at];
  const view = (example: CatalogExample, interval: number, index: number): ExampleView => ({
    ref: { factor, layer: at, interval, index }, ...exampleWindow(details, example), coefficient: example.coefficient,
  });
  return {
    factor, layer: at, label: entry.label, labelKind: entry.labelKind, purity: entry.purity,
    userLabel: note.label || undefined, userNote: note.note || undefined,
    topWords: entry.topWords.slice(0, 10),
    layers: entry.layers.map((l, i) => ({ name: catalog.layers[i] ?? `layer ${i}`, activeFraction: l.activeFraction, importance: l.importance, maxCoefficient: l.maxCoefficient, histogram: l.histogram })),
    top: (stats?.top ?? []).map((e, i) => view(e, -1, i)),
    intervals: (stats?.intervals ?? []).map((interval, k) => ({ from: interval.from, to: interval.to, examples: interval.examples.map((e, i) => view(e, k, i)) })),
    cooccurring: entry.cooccurring.map((c) => ({ id: c.id, label: name(c.id), share: c.share })),
  };
}

/** The example a webview reference names, if it exists among these details' (the same factor's). */
export function exampleAt(details: FactorDetails, ref: ExampleRef): CatalogExample | undefined {
  if (details.factor.id !== ref.factor) return undefined;
  const stats = details.factor.layers[ref.layer];
  const list = ref.interval < 0 ? stats?.top : stats?.intervals[ref.interval]?.examples;
  return list?.[ref.index];
}

/** The example's corpus text around its token, cut at spaces, with the token's offsets in it. */
export function exampleWindow(details: Pick<FactorDetails, 'texts'>, example: CatalogExample): { text: string; start: number; end: number } {
  const full = details.texts[example.text] ?? '';
  let from = Math.max(0, example.start - CONTEXT_CHARACTERS);
  let to = Math.min(full.length, example.end + CONTEXT_CHARACTERS);
  if (from > 0) {
    const space = full.indexOf(' ', from);
    if (space >= 0 && space < example.start) from = space + 1;
  }
  if (to < full.length) {
    const space = full.lastIndexOf(' ', to);
    if (space >= example.end) to = space;
  }
  return { text: full.slice(from, to), start: example.start - from, end: example.end - from };
}
