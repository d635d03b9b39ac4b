import type { HostMessage } from '../src/extension/panel/protocol';
import type { Actions } from './actions';
import { formatNumber, h, replace } from './dom';

type Results = Extract<HostMessage, { type: 'searchResults' }>;

/** Find a factor in the workspace: where in the workspace's text files it fires most. */
export class WorkspaceTab {
  readonly element: HTMLElement;
  private readonly controls = h('div', { className: 'button-row' });
  private readonly progress = h('p', { className: 'hint', attrs: { 'aria-live': 'polite' } });
  private readonly results = h('ol', { className: 'search-results' });
  private factor = -1;
  private layer = 0;
  private running = false;

  constructor(private readonly actions: Actions) {
    this.element = h('div', { className: 'workspace-tab' },
      h('p', { className: 'hint' }, 'Scans the workspace’s text files (respecting files.exclude, up to the transformerFactors.workspaceSearch.maxFiles setting) for the tokens where the factor fires most.'),
      this.controls, this.progress, this.results);
    this.renderControls();
  }

  setSelection(factor: number, layer: number): void {
    if (factor === this.factor && layer === this.layer) return;
    this.factor = factor;
    this.layer = layer;
    this.renderControls();
  }

  showProgress(files: number, total: number, running: boolean): void {
    this.running = running;
    this.progress.textContent = running ? `Scanning… ${files} of ${total} files` : `Scanned ${files} of ${total} files.`;
    this.renderControls();
  }

  showResults(message: Results): void {
    this.running = message.running;
    this.results.replaceChildren(...message.hits.map((hit) => h('li', {}, h('button', {
      className: 'search-hit', title: `Open ${hit.file} at line ${hit.line}`,
      on: { click: () => this.actions.post({ type: 'openSearchHit', index: hit.index }) },
    }, h('span', { className: 'hit-place' }, `${hit.file}:${hit.line}`), h('span', { className: 'coefficient' }, formatNumber(hit.coefficient)),
    h('span', { className: 'preview' }, hit.before, h('mark', { className: 'tok emphasis' }, hit.token), hit.after)))));
    if (!message.hits.length && !message.running) this.results.replaceChildren(h('li', { className: 'hint' }, `Factor #${message.factor} is not active in the files scanned.`));
    this.renderControls();
  }

  private renderControls(): void {
    if (this.factor < 0) {
      this.controls.replaceChildren(h('span', { className: 'hint' }, 'Select a factor first.'));
      return;
    }
    replace(this.controls,
      h('vscode-button', { attrs: this.running ? { disabled: '' } : {}, on: { click: () => this.actions.post({ type: 'findInWorkspace', factor: this.factor, layer: this.layer }) } },
        `Find factor #${this.factor} at ${this.actions.layerName(this.layer)}`),
      this.running ? h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.actions.post({ type: 'cancelSearch' }) } }, 'Cancel') : null);
  }
}
