// Fixed data for the webview tests, shaped as the host sends it.
import type { DashboardView, HostMessage, PanelViewState } from '../../../src/extension/panel/protocol';

export const LAYERS = ['embed', 'L0.attn', 'L0.ffn', 'L1.attn', 'L1.ffn'];

export function initMessage(state: Partial<PanelViewState> = {}): HostMessage {
  return { type: 'init', layers: LAYERS, atomCount: 1024, dictionary: 'use-lite-brown', hasCatalog: true, state: { tab: 'document', mode: 'strongest', factor: -1, layer: 4, scrollTop: 0, ...state } };
}

/** Tokens are the text's runs of non-space characters (enough for the view, which only needs offsets). */
export function documentMessage(text: string, name = 'sample.txt'): Extract<HostMessage, { type: 'document' }> {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { type: 'document', uri: `file:///work/${name}`, name, text, starts, ends, truncated: false };
}

export function factorHighlights(values: number[], factor = 12, layer = 4): HostMessage {
  return { type: 'highlights', mode: 'factor', layer, factor, factorLabel: 'bank', values, colors: [], legend: [], scale: 2.5, done: values.length, total: values.length };
}

export function strongestHighlights(values: number[], colors: number[], layer = 4): HostMessage {
  const legend = [...new Set(colors.filter((c) => c >= 0))].map((color) => ({ id: 100 + color, label: `word${color}`, color, tokens: colors.filter((c) => c === color).length }));
  return { type: 'highlights', mode: 'strongest', layer, factor: -1, factorLabel: '', values, colors, legend, scale: 3, done: values.length, total: values.length };
}

export function dashboard(overrides: Partial<DashboardView> = {}): DashboardView {
  const example = (index: number, interval: number, coefficient: number) => ({
    ref: { factor: 12, layer: 4, interval, index }, text: `He went to the bank <b>${index}</b> yesterday.`, start: 15, end: 19, coefficient,
  });
  return {
    factor: 12, layer: 4, label: 'bank', labelKind: 'word', purity: 0.82, userLabel: undefined, userNote: undefined,
    topWords: [{ word: 'bank', count: 41 }, { word: 'banks', count: 6 }],
    layers: LAYERS.map((name, i) => ({ name, activeFraction: 0.001 * (i + 1), importance: [0.1, 0.8, 1.9, 1.2, 0.4][i], maxCoefficient: 2 + i, histogram: Array.from({ length: 16 }, (_, b) => 100 >> (b % 7)) })),
    top: [example(0, -1, 2.4), example(1, -1, 2.1), example(2, -1, 1.9)],
    intervals: [{ from: 0.5, to: 0.75, examples: [example(0, 0, 1.3)] }, { from: 0.25, to: 0.5, examples: [example(0, 1, 0.7), example(1, 1, 0.6)] }],
    cooccurring: [{ id: 7, label: 'the', share: 0.4 }, { id: 99, label: 'money', share: 0.2 }],
    ...overrides,
  };
}
