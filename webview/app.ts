import { DEFAULT_VIEW_STATE, type AttributionSource, type HostMessage, type PanelTab, type PanelViewState, type WebviewMessage } from '../src/extension/panel/protocol';
import type { Actions } from './actions';
import { AttributionBox } from './attributionBox';
import { DashboardTab } from './dashboardTab';
import { h } from './dom';
import { DocumentTab } from './documentTab';
import { WorkspaceTab } from './workspaceTab';

const TABS: PanelTab[] = ['document', 'factor', 'workspace'];

export interface Host {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelViewState): void;
}

/** The panel's page: a toolbar, three tabs and the attribution area, driven by the host's messages. */
export class App implements Actions {
  private state: PanelViewState;
  private layers: string[] = [];
  private nextRequest = 1;
  private scrollPending = true;
  private readonly documentTab: DocumentTab;
  private readonly dashboardTab: DashboardTab;
  private readonly workspaceTab: WorkspaceTab;
  private readonly attribution: AttributionBox;
  private readonly tabs: HTMLElement;
  private readonly layerSelect = h('vscode-single-select', { className: 'layer-select', attrs: { 'aria-label': 'Layer' } }) as HTMLElement & { value: string };
  private readonly modeButtons = h('div', { className: 'mode', attrs: { role: 'group', 'aria-label': 'Colour tokens by' } });
  private readonly message = h('p', { className: 'error', attrs: { role: 'alert' } });
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement, private readonly host: Host) {
    this.state = { ...DEFAULT_VIEW_STATE, ...savedState(host.getState()) };
    this.documentTab = new DocumentTab(this);
    this.dashboardTab = new DashboardTab(this);
    this.workspaceTab = new WorkspaceTab(this);
    this.attribution = new AttributionBox((request) => this.post({ type: 'cancelAttribution', request }));
    this.layerSelect.addEventListener('change', () => {
      const layer = Number(this.layerSelect.value);
      if (Number.isInteger(layer) && layer !== this.state.layer) this.post({ type: 'selectLayer', layer });
    });
    this.tabs = h('vscode-tabs', { attrs: { 'selected-index': String(TABS.indexOf(this.state.tab)) } },
      h('vscode-tab-header', { attrs: { slot: 'header' } }, 'Document'),
      h('vscode-tab-panel', {}, this.documentTab.element),
      h('vscode-tab-header', { attrs: { slot: 'header' } }, 'Factor'),
      h('vscode-tab-panel', {}, this.dashboardTab.element),
      h('vscode-tab-header', { attrs: { slot: 'header' } }, 'Workspace'),
      h('vscode-tab-panel', {}, this.workspaceTab.element));
    this.tabs.addEventListener('vsc-tabs-select', (event) => {
      const index = (event as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      this.state.tab = TABS[index] ?? 'document';
      this.save();
    });
    this.message.hidden = true;
    root.replaceChildren(h('div', { className: 'toolbar' }, h('label', { className: 'toolbar-label' }, 'Layer'), this.layerSelect, this.modeButtons), this.message, this.tabs, this.attribution.element);
    this.renderModeButtons();
    window.addEventListener('message', (event: MessageEvent<HostMessage>) => this.receive(event.data));
    this.post({ type: 'ready', state: this.state });
  }

  post(message: WebviewMessage): void {
    this.host.postMessage(message);
  }

  selectFactor(factor: number, layer: number): void {
    this.post({ type: 'selectFactor', factor, layer });
  }

  attribute(source: AttributionSource): void {
    this.post({ type: 'attribute', request: this.nextRequest++, source });
  }

  saveScroll(scrollTop: number): void {
    this.state.scrollTop = scrollTop;
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => this.save(), 200);
  }

  layerName(layer: number): string {
    return this.layers[layer] ?? `layer ${layer}`;
  }

  layerIndex(name: string): number {
    return Math.max(0, this.layers.indexOf(name));
  }

  private receive(message: HostMessage): void {
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'init':
        this.layers = message.layers;
        this.state = { ...message.state, tab: this.state.tab, scrollTop: this.state.scrollTop };
        this.layerSelect.replaceChildren(...message.layers.map((name, i) => h('vscode-option', { attrs: { value: String(i) } }, name)));
        this.layerSelect.value = String(this.state.layer);
        this.renderModeButtons();
        this.workspaceTab.setSelection(this.state.factor, this.state.layer);
        this.save();
        break;
      case 'document':
        this.documentTab.showDocument(message);
        if (this.scrollPending) {
          this.scrollPending = false;
          this.documentTab.restoreScroll(this.state.scrollTop);
        }
        break;
      case 'noDocument':
        this.documentTab.showNoDocument(message.reason);
        break;
      case 'highlights':
        this.state.mode = message.mode;
        this.state.layer = message.layer;
        this.state.factor = message.factor;
        this.layerSelect.value = String(message.layer);
        this.renderModeButtons();
        this.documentTab.showHighlights(message);
        this.workspaceTab.setSelection(message.factor, message.layer);
        this.save();
        break;
      case 'tokenDetails':
        this.documentTab.showDetails(message);
        break;
      case 'pin':
        this.documentTab.showPin(message);
        break;
      case 'unpinned':
        this.documentTab.showUnpinned();
        break;
      case 'dashboard':
        this.dashboardTab.show(message.dashboard);
        break;
      case 'exampleActivations':
        this.dashboardTab.showActivations(message.ref, message.activations, message.scale);
        break;
      case 'attributionStarted':
        this.attribution.started(message.request, message.title);
        break;
      case 'attributionProgress':
        this.attribution.progress(message.request, message.done, message.total);
        break;
      case 'attribution':
        this.attribution.result(message);
        break;
      case 'attributionFailed':
        this.attribution.failed(message.request, message.message);
        break;
      case 'searchProgress':
        this.workspaceTab.showProgress(message.files, message.total, message.running);
        break;
      case 'searchResults':
        this.workspaceTab.showResults(message);
        break;
      case 'showTab':
        this.showTab(message.tab);
        break;
      case 'error':
        this.message.textContent = message.message;
        this.message.hidden = !message.message;
        break;
    }
  }

  private showTab(tab: PanelTab): void {
    this.state.tab = tab;
    (this.tabs as HTMLElement & { selectedIndex: number }).selectedIndex = TABS.indexOf(tab);
    this.save();
  }

  private renderModeButtons(): void {
    const button = (mode: 'strongest' | 'factor', text: string, title: string) => h('vscode-button', {
      title, attrs: { ...(this.state.mode === mode ? {} : { secondary: '' }), ...(mode === 'factor' && this.state.factor < 0 ? { disabled: '' } : {}), 'aria-pressed': String(this.state.mode === mode) },
      on: { click: () => this.post({ type: 'setMode', mode }) },
    }, text);
    this.modeButtons.replaceChildren(
      button('strongest', 'Strongest factor', 'Colour each token by its strongest factor at this layer'),
      button('factor', this.state.factor >= 0 ? `Factor #${this.state.factor}` : 'Selected factor', 'Shade tokens by the selected factor’s activation'));
  }

  private save(): void {
    this.host.setState(this.state);
  }
}

function savedState(saved: unknown): Partial<PanelViewState> {
  if (typeof saved !== 'object' || saved === null) return {};
  const s = saved as Record<string, unknown>;
  const out: Partial<PanelViewState> = {};
  if (s.tab === 'document' || s.tab === 'factor' || s.tab === 'workspace') out.tab = s.tab;
  if (s.mode === 'factor' || s.mode === 'strongest') out.mode = s.mode;
  if (Number.isInteger(s.factor)) out.factor = s.factor as number;
  if (Number.isInteger(s.layer)) out.layer = s.layer as number;
  if (typeof s.scrollTop === 'number' && s.scrollTop >= 0) out.scrollTop = s.scrollTop;
  return out;
}
