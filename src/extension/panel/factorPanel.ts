import * as vscode from 'vscode';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorDetails } from '../../core/catalog/factorDetails';
import { factorActivations, type FactorCoefficient } from '../../core/decompose/documentDecomposition';
import type { DictionaryEntry } from '../../core/dictionary/dictionaryStore';
import type { DocumentAnalysis } from '../analysis/documentAnalyser';
import type { PartialDecomposition } from '../engine/partialDecomposition';
import { resolveLayer } from '../highlight/highlightMode';
import { lambdaOverride } from '../settings/settings';
import type { Services } from '../state/services';
import { revealHit, searchWorkspace, type WorkspaceHit } from '../workspaceSearch/workspaceSearch';
import { dashboardView, exampleAt, exampleWindow } from './dashboardPayload';
import { factorHighlights, pinChanges, strongestHighlights, tokenDetails, tokenFactors } from './documentPayloads';
import type { FactorWorkerClient } from './factorWorkerClient';
import type { WorkerSources } from './factorWorkerProtocol';
import { makeNonce, panelHtml } from './panelHtml';
import { PinnedPlace } from './pinnedRange';
import { DEFAULT_VIEW_STATE, parseWebviewMessage, type AttributionSource, type ExampleRef, type HostMessage, type PanelTab, type PanelViewState, type WebviewMessage } from './protocol';
import { tokenAtCharacter } from '../../core/attribution/attributionWindow';

export const PANEL_VIEW_TYPE = 'transformerFactors.factorPanel';
/** Highlights are re-sent at most this often while a document is being decomposed. */
const UPDATE_MS = 200;

interface Pin {
  uri: string;
  place: PinnedPlace;
  baseline?: FactorCoefficient[][];
}

/**
 * The factor panel's host side: owns one webview panel, follows the active editor's document
 * and its analysis, shares the selected factor, layer and mode with the editor's highlights
 * (ViewState), and answers the webview's requests. Every message from the webview is validated
 * before use.
 */
export class FactorPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private document: vscode.TextDocument | undefined;
  /** The decomposition whose tokens the webview shows (indexes in its messages refer to it). */
  private shown: PartialDecomposition | undefined;
  private shownRevision = -1;
  /** The document version `shown` is of. */
  private shownVersion = -1;
  /** The catalog's summary (labels, statistics); examples come one factor at a time from `detailsOf`. */
  private catalog: CatalogSummary | undefined;
  private catalogEntry: DictionaryEntry | undefined;
  private details: { entry: DictionaryEntry; factor: number; details: Promise<FactorDetails | undefined> } | undefined;
  /** The factor the dashboard shows; survives switching to strongest-factor mode. */
  private selectedFactor = -1;
  private pin: Pin | undefined;
  private attribution: { request: number; controller: AbortController } | undefined;
  private search: AbortController | undefined;
  private hits: WorkspaceHit[] = [];
  private searchFactor = -1;
  private searchLayer = 0;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private pendingTab: PanelTab | undefined;
  private disposed = false;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    extensionUri: vscode.Uri,
    private readonly worker: FactorWorkerClient,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(media, 'icons', 'transformer-factors.svg');
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
    });
    this.document = vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors[0]?.document;
    const analyser = services.analysis.analyser;
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      // Opening the panel takes focus from the editor: keep the last text editor's document.
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor.document)),
      // A panel restored at start-up can come before any editor: take the first one shown.
      vscode.window.onDidChangeVisibleTextEditors((editors) => !this.document && editors[0] && this.follow(editors[0].document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.workspace.onDidCloseTextDocument((document) => document === this.document && this.follow(undefined)),
      analyser.onDidChange((analysis) => analysis.key === this.document?.uri.toString() && this.scheduleUpdate()),
      services.view.onDidChange(() => this.sendSelection()),
      services.engine.onDidChange((open) => open && this.init()),
      services.dictionaries.notes.onDidChange(() => this.sendDashboard()),
      services.settings.onDidChange(({ changed }) => changed.has('layer') && this.sendSelection()),
    );
  }

  /** Shows the panel; with a factor, on its dashboard. */
  reveal(factor?: number, layer?: string, tab?: PanelTab): void {
    if (factor !== undefined) this.selectFactor(factor, layer);
    this.panel.reveal(undefined, false);
    const shown = tab ?? (factor !== undefined ? 'factor' : undefined);
    // A new page is not listening yet: it is told once it says it is ready.
    if (shown && this.ready) this.post({ type: 'showTab', tab: shown });
    else if (shown) this.pendingTab = shown;
  }

  /** Runs a workspace search for the factor and shows its results. */
  findInWorkspace(factor: number, layer?: number): void {
    this.reveal(undefined, undefined, 'workspace');
    void this.runSearch(factor, layer ?? this.layerIndex());
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.updateTimer);
    this.attribution?.controller.abort();
    this.search?.abort();
    this.subscriptions.forEach((s) => s.dispose());
    this.panel.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
  }

  // ---- messages from the webview

  private receive(data: unknown): void {
    const message = parseWebviewMessage(data, this.limits());
    if (!message) return; // Malformed or out of range: ignored, never acted on.
    void this.handle(message).catch((error: unknown) => this.post({ type: 'error', message: String((error as Error)?.message ?? error) }));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A new page (first load, shown again after being hidden, or a reload) has nothing yet.
        this.ready = true;
        this.shown = undefined;
        await this.restore(message.state);
        if (this.hits.length) this.postHits(this.searchFactor, this.searchLayer, !!this.search);
        return;
      case 'selectFactor':
        this.selectFactor(message.factor, this.layers()[message.layer]);
        return;
      case 'selectLayer':
        this.services.view.setLayer(this.layers()[message.layer] ?? '');
        return;
      case 'setMode':
        if (message.mode === 'strongest') this.services.view.setMode({ kind: 'strongest' });
        else if (this.selectedFactor >= 0) this.services.view.setMode({ kind: 'factor', factor: this.selectedFactor });
        return;
      case 'tokenDetails':
        if (this.shown && message.token < this.shown.tokens.length) {
          this.post(tokenDetails(this.shown, message.token, this.services.settings.current.factorsShown, this.name));
        }
        return;
      case 'pin':
        this.pinToken(message.token);
        return;
      case 'unpin':
        this.pin = undefined;
        this.post({ type: 'unpinned' });
        return;
      case 'revealToken':
        await this.revealToken(message.token);
        return;
      case 'exampleActivations':
        await this.sendExampleActivations(message.ref);
        return;
      case 'attribute':
        await this.attribute(message.request, message.source);
        return;
      case 'cancelAttribution':
        if (this.attribution?.request === message.request) this.attribution.controller.abort();
        return;
      case 'findInWorkspace':
        this.post({ type: 'showTab', tab: 'workspace' });
        await this.runSearch(message.factor, message.layer);
        return;
      case 'cancelSearch':
        this.search?.abort();
        return;
      case 'openSearchHit': {
        const hit = this.hits[message.index];
        if (hit) await revealHit(hit);
        return;
      }
      case 'editLabel':
        await vscode.commands.executeCommand('transformerFactors.annotateFactor', { factor: message.factor, dictionaryId: this.services.engine.activeEntry()?.id });
        return;
    }
  }

  // ---- selection, shared with the editor's highlights

  private selectFactor(factor: number, layer?: string): void {
    this.selectedFactor = factor;
    if (layer) this.services.view.setLayer(layer);
    this.services.view.setMode({ kind: 'factor', factor });
    this.sendSelection();
  }

  private async restore(state: PanelViewState): Promise<void> {
    await this.init();
    const layers = this.layers();
    const view = this.services.view;
    // A restored panel brings back its selection unless the editor already has one.
    if (!view.mode && state.factor >= 0) {
      this.selectedFactor = state.factor;
      if (layers[state.layer]) view.setLayer(layers[state.layer]);
      view.setMode(state.mode === 'factor' ? { kind: 'factor', factor: state.factor } : { kind: 'strongest' });
    }
    this.follow(this.document);
    if (this.pendingTab) this.post({ type: 'showTab', tab: this.pendingTab });
    this.pendingTab = undefined;
  }

  private async init(): Promise<void> {
    if (!this.ready) return;
    const open = await this.services.engine.ready().catch(() => undefined);
    if (!open) {
      this.post({ type: 'error', message: 'The engine could not be opened (see the notification for why).' });
      return;
    }
    this.catalog = await this.services.engine.catalog(open.entry);
    this.catalogEntry = open.entry;
    const mode = this.services.view.mode;
    if (mode?.kind === 'factor') this.selectedFactor = mode.factor;
    const state: PanelViewState = {
      ...DEFAULT_VIEW_STATE,
      mode: mode?.kind === 'factor' ? 'factor' : 'strongest',
      factor: this.selectedFactor,
      layer: this.layerIndex(),
    };
    this.post({ type: 'init', layers: open.summary.layers, atomCount: open.summary.atomCount, dictionary: open.summary.dictionaryName, hasCatalog: !!this.catalog, state });
    this.shownRevision = -1;
    this.update();
    this.sendDashboard();
  }

  private sendSelection(): void {
    const mode = this.services.view.mode;
    if (mode?.kind === 'factor' && mode.factor !== this.selectedFactor) this.selectedFactor = mode.factor;
    this.shownRevision = -1;
    this.update();
    this.sendDashboard();
  }

  private sendDashboard(): void {
    if (!this.ready || this.selectedFactor < 0 || !this.catalog) return;
    const { catalog, selectedFactor: factor } = this;
    this.detailsOf(factor).then((details) => {
      // A newer selection or catalog sends its own dashboard.
      if (factor !== this.selectedFactor || catalog !== this.catalog) return;
      const entry = this.services.engine.activeEntry();
      const note = entry ? this.services.dictionaries.notes.get(entry.id, factor) : {};
      const dashboard = dashboardView(catalog, details, this.layerIndex(), note, this.name);
      if (dashboard) this.post({ type: 'dashboard', dashboard });
    }, (error: Error) => this.post({ type: 'error', message: `The factor's examples could not be read: ${error.message}` }));
  }

  /** One factor's examples from the catalog worker; the last factor's are kept for the dashboard's requests. */
  private detailsOf(factor: number): Promise<FactorDetails | undefined> {
    const entry = this.catalogEntry;
    if (!entry || !this.catalog) return Promise.resolve(undefined);
    if (this.details?.entry !== entry || this.details.factor !== factor) {
      const details = this.services.dictionaries.catalogs.details(entry, factor);
      this.details = { entry, factor, details };
      details.catch(() => this.details?.details === details && (this.details = undefined));
    }
    return this.details.details;
  }

  // ---- the followed document

  private follow(document: vscode.TextDocument | undefined): void {
    if (document && document.uri.scheme === 'output') return;
    if (document !== this.document) {
      this.document = document;
      this.shown = undefined;
    }
    if (!this.ready) return;
    if (!document) {
      this.post({ type: 'noDocument', reason: 'Open a text document to see its tokens and factors.' });
      return;
    }
    const analysis = this.services.analysis.latest(document);
    if (!analysis || (analysis.version !== document.version && analysis.state !== 'running')) {
      this.services.analysis.complete(document).catch((error: Error) => {
        if (this.document === document && !this.services.analysis.latest(document)?.partial) this.post({ type: 'noDocument', reason: `${fileName(document)}: ${error.message}` });
      });
    }
    this.update();
  }

  private scheduleUpdate(): void {
    if (this.updateTimer) return;
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      this.update();
    }, UPDATE_MS);
  }

  /** Sends the document when its tokens changed, and its highlights and pinned token when its codes did. */
  private update(): void {
    if (!this.ready || !this.document) return;
    const analysis: DocumentAnalysis | undefined = this.services.analysis.latest(this.document);
    const partial = analysis?.partial;
    if (!partial) return;
    if (partial !== this.shown) {
      this.shown = partial;
      this.shownVersion = analysis!.version;
      this.shownRevision = -1;
      this.post({
        type: 'document', uri: this.document.uri.toString(), name: fileName(this.document), text: partial.text,
        starts: partial.tokens.map((t) => t.start), ends: partial.tokens.map((t) => t.end), truncated: false,
      });
    }
    if (partial.revision === this.shownRevision) return;
    this.shownRevision = partial.revision;
    const layer = this.layerIndex();
    const mode = this.services.view.mode;
    this.post(mode?.kind === 'factor'
      ? factorHighlights(partial, layer, mode.factor, this.name, this.catalog?.factors[mode.factor]?.layers[layer]?.maxCoefficient)
      : strongestHighlights(partial, layer, this.name, this.selectedFactor));
    this.updatePin(partial);
  }

  // ---- pinned token

  private pinToken(token: number): void {
    const partial = this.shown;
    if (!partial || !this.document || token >= partial.tokens.length) return;
    const { start, end } = partial.tokens[token];
    this.pin = { uri: this.document.uri.toString(), place: new PinnedPlace(this.shownVersion, start, end), baseline: tokenFactors(partial, token) };
    this.updatePin(partial);
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    if (!this.pin || event.document.uri.toString() !== this.pin.uri || !event.contentChanges.length) return;
    this.pin.place.edit(event.document.version, event.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })));
  }

  private updatePin(partial: PartialDecomposition): void {
    const pin = this.pin;
    if (!pin || pin.uri !== this.document?.uri.toString()) return;
    // The token's place in the version this decomposition is of (the editor may be further on).
    const place = pin.place.at(this.shownVersion);
    if (!place) return;
    const token = tokenAtCharacter(partial.tokens, place.start);
    if (token < 0) return;
    const now = tokenFactors(partial, token);
    if (!now) return;
    pin.baseline ??= now;
    this.post({ type: 'pin', token, text: partial.tokens[token].text, edits: pin.place.editsUntil(this.shownVersion), changes: pinChanges(partial.layers, pin.baseline, now, this.name) });
  }

  private async revealToken(token: number): Promise<void> {
    const document = this.document;
    const partial = this.shown;
    if (!document || !partial || token >= partial.tokens.length || partial.text !== document.getText()) return;
    const { start, end } = partial.tokens[token];
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(document.positionAt(start), document.positionAt(end)), viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One });
  }

  // ---- dashboard examples and attribution

  private async sendExampleActivations(ref: ExampleRef): Promise<void> {
    const details = await this.detailsOf(ref.factor);
    const example = details && exampleAt(details, ref);
    if (!example || !details) return;
    const window = exampleWindow(details, example);
    const open = await this.services.engine.ready();
    const decomposition = await open.decompose(window.text, {});
    const scores = Array.from(factorActivations(decomposition, ref.layer, ref.factor));
    const scale = details.factor.layers[ref.layer]?.maxCoefficient || Math.max(...scores, 1e-9);
    this.post({ type: 'exampleActivations', ref, scale, activations: { text: window.text, starts: decomposition.tokens.map((t) => t.start), ends: decomposition.tokens.map((t) => t.end), scores } });
  }

  private async attribute(request: number, source: AttributionSource): Promise<void> {
    let text: string;
    let offset: number;
    let factor: number;
    let layer: number;
    if (source.kind === 'example') {
      const details = await this.detailsOf(source.ref.factor);
      const example = details && exampleAt(details, source.ref);
      if (!example || !details) return;
      const window = exampleWindow(details, example);
      ({ text } = window);
      offset = window.start;
      ({ factor, layer } = source.ref);
    } else {
      const partial = this.shown;
      if (!partial || source.token >= partial.tokens.length) return;
      text = partial.text;
      offset = partial.tokens[source.token].start;
      ({ factor, layer } = source);
    }
    this.attribution?.controller.abort();
    const controller = new AbortController();
    this.attribution = { request, controller };
    const title = `Why factor #${factor} ${this.name(factor)} fires on “${text.slice(offset, text.indexOf(' ', offset + 1) > 0 ? Math.min(text.indexOf(' ', offset + 1), offset + 30) : offset + 30).trim()}” at ${this.layers()[layer] ?? layer}`;
    this.post({ type: 'attributionStarted', request, title });
    try {
      const result = await this.worker.attribute(await this.sources(), text, offset, factor, layer, {
        signal: controller.signal,
        onProgress: (done, total) => this.post({ type: 'attributionProgress', request, done, total }),
      });
      const from = result.starts[0] ?? 0;
      const to = result.ends[result.ends.length - 1] ?? 0;
      this.post({
        type: 'attribution', request, title, target: result.target, baseline: result.baseline,
        result: { text: text.slice(from, to), starts: result.starts.map((s) => s - from), ends: result.ends.map((e) => e - from), scores: result.scores },
      });
    } catch (error) {
      this.post({ type: 'attributionFailed', request, message: controller.signal.aborted ? 'Attribution cancelled.' : `Attribution failed: ${(error as Error).message}` });
    } finally {
      if (this.attribution?.request === request) this.attribution = undefined;
    }
  }

  // ---- workspace search

  private async runSearch(factor: number, layer: number): Promise<void> {
    this.search?.abort();
    const controller = new AbortController();
    this.search = controller;
    this.hits = [];
    this.searchFactor = factor;
    this.searchLayer = layer;
    const post = (running: boolean) => this.postHits(factor, layer, running);
    let lastFiles = 0;
    let total = 0;
    post(true);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Transformer Factors: finding factor #${factor} in the workspace`, cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        try {
          await searchWorkspace(this.worker, {
            factor, layer, sources: await this.sources(), signal: controller.signal,
            maxCharacters: this.services.settings.current.maxDocumentCharacters,
            onProgress: (files, count) => {
              progress.report({ increment: count ? (100 * (files - lastFiles)) / count : 0, message: `${files} of ${count} files` });
              lastFiles = files;
              total = count;
              this.post({ type: 'searchProgress', files, total: count, running: true });
            },
            onHits: (hits) => {
              this.hits = [...hits];
              post(true);
            },
          });
        } catch (error) {
          if (!controller.signal.aborted) void vscode.window.showErrorMessage(`Transformer Factors: the workspace search failed: ${(error as Error).message}`);
        }
      },
    );
    if (this.search !== controller) return;
    this.search = undefined;
    this.post({ type: 'searchProgress', files: lastFiles, total, running: false });
    post(false);
  }

  private postHits(factor: number, layer: number, running: boolean): void {
    this.post({
      type: 'searchResults', factor, layer, running, files: 0,
      hits: this.hits.map((h, index) => ({ index, file: h.file, line: h.line, before: h.before, token: h.token, after: h.after, coefficient: h.coefficient })),
    });
  }

  // ---- helpers

  private readonly name = (factor: number): string => {
    const entry = this.services.engine.activeEntry();
    const note = entry ? this.services.dictionaries.notes.get(entry.id, factor) : {};
    return note.label || this.catalog?.factors[factor]?.label || `factor ${factor}`;
  };

  private layers(): readonly string[] {
    return this.services.engine.opened?.summary.layers ?? [];
  }

  private layerIndex(): number {
    return Math.max(0, resolveLayer(this.layers(), this.services.view.layer, this.services.settings.current.layer).index);
  }

  private limits(): { atomCount: number; layerCount: number } {
    const summary = this.services.engine.opened?.summary;
    return { atomCount: summary?.atomCount ?? 0, layerCount: summary?.layers.length ?? 0 };
  }

  /** What the panel's worker opens: the same model, dictionary and λ as the editor's engine. */
  private async sources(): Promise<WorkerSources> {
    const open = this.services.engine.opened;
    if (!open) throw new Error('no dictionary is open');
    return { modelDir: await this.services.engine.modelDirOf(open.entry), dictionaryPath: open.summary.dictionaryPath, lambda: lambdaOverride(this.services.settings.current) };
  }

  private post(message: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}
