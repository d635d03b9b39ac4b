// The one message protocol between the factor panel's host (the extension) and its webview.
// The webview imports these types too; nothing here may import `vscode` or Node modules.
// Messages from the webview are untrusted input: parseWebviewMessage is the only way in.

export type PanelTab = 'document' | 'factor' | 'workspace';
export type HighlightMode = 'factor' | 'strongest';

/** What the webview keeps with getState/setState and hands back in its `ready` message. */
export interface PanelViewState {
  tab: PanelTab;
  mode: HighlightMode;
  /** Selected factor, or −1 for none. */
  factor: number;
  /** Selected layer index. */
  layer: number;
  scrollTop: number;
}

export const DEFAULT_VIEW_STATE: Readonly<PanelViewState> = { tab: 'document', mode: 'strongest', factor: -1, layer: -1, scrollTop: 0 };

export interface FactorRef {
  id: number;
  label: string;
}

export interface FactorCoefficientView extends FactorRef {
  coefficient: number;
}

/** Which catalog example: one of the layer's top examples, or one of an interval's. */
export interface ExampleRef {
  factor: number;
  layer: number;
  /** −1 for the top examples, else the index of the interval. */
  interval: number;
  index: number;
}

export interface ExampleView {
  ref: ExampleRef;
  /** A window of the corpus text around the token. */
  text: string;
  /** The emphasised token within `text`. */
  start: number;
  end: number;
  coefficient: number;
}

export interface LayerStatsView {
  name: string;
  activeFraction: number;
  importance: number;
  maxCoefficient: number;
  histogram: number[];
}

export interface DashboardView {
  factor: number;
  layer: number;
  label: string;
  labelKind: 'word' | 'tag';
  purity: number;
  userLabel?: string;
  userNote?: string;
  topWords: Array<{ word: string; count: number }>;
  layers: LayerStatsView[];
  top: ExampleView[];
  intervals: Array<{ from: number; to: number; examples: ExampleView[] }>;
  cooccurring: Array<FactorRef & { share: number }>;
}

export interface LegendEntry extends FactorRef {
  /** Index into the webview's categorical palette. */
  color: number;
  tokens: number;
}

export interface LayerFactorsView {
  layer: string;
  factors: FactorCoefficientView[];
  /** Factors beyond those listed. */
  more: number;
  relativeResidual?: number;
}

export interface PinChangeView {
  layer: string;
  gained: FactorCoefficientView[];
  lost: FactorCoefficientView[];
  changed: Array<FactorRef & { before: number; after: number }>;
}

export interface SearchHitView {
  index: number;
  file: string;
  line: number;
  before: string;
  token: string;
  after: string;
  coefficient: number;
}

/** Token-level scores over a short text: activations, or attributions (signed). */
export interface ScoredTextView {
  text: string;
  starts: number[];
  ends: number[];
  scores: number[];
}

export type HostMessage =
  | { type: 'init'; layers: string[]; atomCount: number; dictionary: string; hasCatalog: boolean; state: PanelViewState }
  | { type: 'document'; uri: string; name: string; text: string; starts: number[]; ends: number[]; truncated: boolean }
  | { type: 'noDocument'; reason: string }
  | {
      type: 'highlights';
      mode: HighlightMode;
      layer: number;
      factor: number;
      factorLabel: string;
      /** Per token: coefficient / scale, clipped to [0, 1] (of the selected factor, or of the token's strongest). */
      values: number[];
      /** Per token, strongest mode only: index into `legend`, −1 for none. */
      colors: number[];
      legend: LegendEntry[];
      /** Coefficient shown at full intensity. */
      scale: number;
      done: number;
      total: number;
    }
  | { type: 'tokenDetails'; token: number; text: string; layers: LayerFactorsView[] }
  | { type: 'pin'; token: number; text: string; changes: PinChangeView[]; edits: number }
  | { type: 'unpinned' }
  | { type: 'dashboard'; dashboard: DashboardView }
  | { type: 'exampleActivations'; ref: ExampleRef; activations: ScoredTextView; scale: number }
  | { type: 'attributionStarted'; request: number; title: string }
  | { type: 'attributionProgress'; request: number; done: number; total: number }
  | { type: 'attribution'; request: number; title: string; result: ScoredTextView; target: number; baseline: number }
  | { type: 'attributionFailed'; request: number; message: string }
  | { type: 'searchProgress'; files: number; total: number; running: boolean }
  | { type: 'searchResults'; factor: number; layer: number; hits: SearchHitView[]; running: boolean; files: number }
  | { type: 'showTab'; tab: PanelTab }
  | { type: 'error'; message: string };

export type AttributionSource = { kind: 'example'; ref: ExampleRef } | { kind: 'document'; token: number; factor: number; layer: number };

export type WebviewMessage =
  | { type: 'ready'; state: PanelViewState }
  | { type: 'selectFactor'; factor: number; layer: number }
  | { type: 'selectLayer'; layer: number }
  | { type: 'setMode'; mode: HighlightMode }
  | { type: 'tokenDetails'; token: number }
  | { type: 'pin'; token: number }
  | { type: 'unpin' }
  | { type: 'revealToken'; token: number }
  | { type: 'exampleActivations'; ref: ExampleRef }
  | { type: 'attribute'; request: number; source: AttributionSource }
  | { type: 'cancelAttribution'; request: number }
  | { type: 'findInWorkspace'; factor: number; layer: number }
  | { type: 'cancelSearch' }
  | { type: 'openSearchHit'; index: number }
  | { type: 'editLabel'; factor: number };

/** Bounds that depend on what the host has loaded: a message naming anything outside them is refused. */
export interface MessageLimits {
  atomCount: number;
  layerCount: number;
}

const MAX_INDEX = 10_000_000;

/**
 * The message if it is well formed and within `limits`, else undefined. Extra properties are
 * dropped, so nothing the webview adds reaches the host.
 */
export function parseWebviewMessage(data: unknown, limits: MessageLimits): WebviewMessage | undefined {
  if (!isRecord(data) || typeof data.type !== 'string') return undefined;
  const factor = (v: unknown) => isInt(v, 0, limits.atomCount - 1);
  const layer = (v: unknown) => isInt(v, 0, limits.layerCount - 1);
  const index = (v: unknown) => isInt(v, 0, MAX_INDEX);
  switch (data.type) {
    case 'ready': {
      const state = parseViewState(data.state, limits);
      return state && { type: 'ready', state };
    }
    case 'selectFactor':
      return factor(data.factor) && layer(data.layer) ? { type: 'selectFactor', factor: data.factor as number, layer: data.layer as number } : undefined;
    case 'selectLayer':
      return layer(data.layer) ? { type: 'selectLayer', layer: data.layer as number } : undefined;
    case 'setMode':
      return data.mode === 'factor' || data.mode === 'strongest' ? { type: 'setMode', mode: data.mode } : undefined;
    case 'tokenDetails':
    case 'pin':
    case 'revealToken':
      return index(data.token) ? { type: data.type, token: data.token as number } : undefined;
    case 'unpin':
    case 'cancelSearch':
      return { type: data.type };
    case 'exampleActivations': {
      const ref = parseExampleRef(data.ref, limits);
      return ref && { type: 'exampleActivations', ref };
    }
    case 'attribute': {
      const source = parseAttributionSource(data.source, limits);
      return source && index(data.request) ? { type: 'attribute', request: data.request as number, source } : undefined;
    }
    case 'cancelAttribution':
      return index(data.request) ? { type: 'cancelAttribution', request: data.request as number } : undefined;
    case 'findInWorkspace':
      return factor(data.factor) && layer(data.layer) ? { type: 'findInWorkspace', factor: data.factor as number, layer: data.layer as number } : undefined;
    case 'openSearchHit':
      return index(data.index) ? { type: 'openSearchHit', index: data.index as number } : undefined;
    case 'editLabel':
      return factor(data.factor) ? { type: 'editLabel', factor: data.factor as number } : undefined;
    default:
      return undefined;
  }
}

/** A saved view state, with anything out of range replaced by the default; undefined when it is not a state at all. */
export function parseViewState(data: unknown, limits: MessageLimits): PanelViewState | undefined {
  if (!isRecord(data)) return undefined;
  const d = DEFAULT_VIEW_STATE;
  return {
    tab: data.tab === 'document' || data.tab === 'factor' || data.tab === 'workspace' ? data.tab : d.tab,
    mode: data.mode === 'factor' || data.mode === 'strongest' ? data.mode : d.mode,
    factor: isInt(data.factor, 0, limits.atomCount - 1) ? (data.factor as number) : d.factor,
    layer: isInt(data.layer, 0, limits.layerCount - 1) ? (data.layer as number) : d.layer,
    scrollTop: typeof data.scrollTop === 'number' && Number.isFinite(data.scrollTop) && data.scrollTop >= 0 ? data.scrollTop : 0,
  };
}

function parseExampleRef(data: unknown, limits: MessageLimits): ExampleRef | undefined {
  if (!isRecord(data)) return undefined;
  const { factor, layer, interval, index } = data;
  if (!isInt(factor, 0, limits.atomCount - 1) || !isInt(layer, 0, limits.layerCount - 1) || !isInt(interval, -1, 1000) || !isInt(index, 0, 100_000)) return undefined;
  return { factor: factor as number, layer: layer as number, interval: interval as number, index: index as number };
}

function parseAttributionSource(data: unknown, limits: MessageLimits): AttributionSource | undefined {
  if (!isRecord(data)) return undefined;
  if (data.kind === 'example') {
    const ref = parseExampleRef(data.ref, limits);
    return ref && { kind: 'example', ref };
  }
  if (data.kind === 'document' && isInt(data.token, 0, MAX_INDEX) && isInt(data.factor, 0, limits.atomCount - 1) && isInt(data.layer, 0, limits.layerCount - 1)) {
    return { kind: 'document', token: data.token as number, factor: data.factor as number, layer: data.layer as number };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInt(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
