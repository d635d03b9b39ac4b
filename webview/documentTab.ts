import type { HostMessage, LayerFactorsView, PinChangeView } from '../src/extension/panel/protocol';
import { formatNumber, h } from './dom';
import { DocumentView } from './documentView';
import type { Actions } from './actions';

type Highlights = Extract<HostMessage, { type: 'highlights' }>;
type Details = Extract<HostMessage, { type: 'tokenDetails' }>;
type Pin = Extract<HostMessage, { type: 'pin' }>;

/**
 * The document view: the active editor's tokens coloured by the selected factor or by each
 * token's strongest factor (with a legend), a hover card of each token's top factors per layer,
 * the selected token's factors (each one a button that switches to it), and the pinned token's
 * changes as the user edits around it.
 */
export class DocumentTab {
  readonly element: HTMLElement;
  private readonly view: DocumentView;
  private readonly heading = h('div', { className: 'doc-heading' }, 'No document');
  private readonly status = h('span', { className: 'status', attrs: { 'aria-live': 'polite' } });
  private readonly legend = h('div', { className: 'legend', attrs: { role: 'list', 'aria-label': 'Strongest factors in this document' } });
  private readonly tooltip = h('div', { className: 'tooltip', attrs: { role: 'tooltip' } });
  private readonly inspector = h('section', { className: 'inspector', attrs: { 'aria-label': 'Selected token' } }, h('p', { className: 'hint' }, 'Click a token (or move with the arrow keys and press Enter) to list its factors at every layer.'));
  private readonly pinBox = h('section', { className: 'pin-box', attrs: { 'aria-label': 'Pinned token' } }, h('p', { className: 'hint' }, 'Pin a token to see how its factors change as you edit the text around it.'));
  private hovered = -1;
  private selected = -1;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private highlights: Highlights | undefined;

  constructor(private readonly actions: Actions) {
    this.view = new DocumentView({
      hover: (token, anchor) => this.hover(token, anchor),
      select: (token) => this.select(token),
      pin: (token) => actions.post({ type: 'pin', token }),
      scrolled: (top) => actions.saveScroll(top),
    });
    this.tooltip.hidden = true;
    this.element = h('div', { className: 'document-tab' },
      h('div', { className: 'doc-header' }, this.heading, this.status),
      this.legend,
      h('div', { className: 'doc-main' }, h('div', { className: 'doc-pane' }, this.view.element, this.tooltip), h('div', { className: 'side' }, this.pinBox, this.inspector)));
  }

  get documentView(): DocumentView {
    return this.view;
  }

  showDocument(message: Extract<HostMessage, { type: 'document' }>): void {
    this.heading.replaceChildren(h('strong', {}, message.name), message.truncated ? h('span', { className: 'warning' }, ' (only the beginning is decomposed: the document is longer than the maxDocumentCharacters setting)') : '');
    this.view.setDocument(message.text, message.starts, message.ends);
    // Token indexes change with the text: the pinned token is marked again when its changes arrive.
    this.view.setPinned(-1);
    if (this.selected >= message.starts.length) this.selected = -1;
  }

  showNoDocument(reason: string): void {
    this.heading.replaceChildren(h('span', { className: 'hint' }, reason));
    this.view.setDocument('', [], []);
    this.legend.replaceChildren();
  }

  showHighlights(message: Highlights): void {
    this.highlights = message;
    this.view.setHighlights(message.mode, message.values, message.colors);
    this.status.textContent = message.done < message.total ? `decomposing… ${message.done} of ${message.total} tokens` : `${message.total} tokens`;
    if (message.mode === 'strongest') {
      this.legend.replaceChildren(h('span', { className: 'legend-title' }, `Strongest factor per token at ${this.actions.layerName(message.layer)}:`),
        ...message.legend.map((entry) => h('button', {
          className: 'legend-entry', attrs: { role: 'listitem' }, title: `Highlight factor #${entry.id} (${entry.tokens} tokens)`,
          on: { click: () => this.actions.selectFactor(entry.id, message.layer) },
        }, h('span', { className: `swatch palette-${entry.color}` }), `#${entry.id} ${entry.label}`, h('span', { className: 'count' }, ` ${entry.tokens}`))));
    } else {
      this.legend.replaceChildren(h('span', { className: 'legend-title' }, `Factor #${message.factor} ${message.factorLabel} at ${this.actions.layerName(message.layer)}: `),
        h('span', { className: 'ramp', attrs: { 'aria-hidden': 'true' } }), h('span', { className: 'count' }, ` 0 – ${formatNumber(message.scale)}`));
    }
  }

  showDetails(message: Details): void {
    if (message.token === this.hovered) this.renderTooltip(message);
    if (message.token === this.selected) this.renderInspector(message);
  }

  showPin(message: Pin): void {
    this.view.setPinned(message.token);
    const body = message.changes.map((change) => this.renderChange(change));
    this.pinBox.replaceChildren(
      h('h3', {}, 'Pinned token ', h('code', {}, message.text)),
      h('p', { className: 'hint' }, message.edits ? `Changes since it was pinned (${message.edits} edit${message.edits === 1 ? '' : 's'}):` : 'Edit the text around it to see its factors change.'),
      ...body,
      h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.actions.post({ type: 'unpin' }) } }, 'Unpin'));
  }

  showUnpinned(): void {
    this.view.setPinned(-1);
    this.pinBox.replaceChildren(h('p', { className: 'hint' }, 'No token is pinned.'));
  }

  restoreScroll(top: number): void {
    this.view.scrollTo(top);
  }

  private hover(token: number | undefined, anchor?: HTMLElement): void {
    clearTimeout(this.hoverTimer);
    if (token === undefined) {
      this.hovered = -1;
      this.tooltip.hidden = true;
      return;
    }
    this.hovered = token;
    if (anchor) {
      const pane = this.tooltip.parentElement!.getBoundingClientRect();
      const box = anchor.getBoundingClientRect();
      this.tooltip.style.left = `${Math.max(0, box.left - pane.left)}px`;
      this.tooltip.style.top = `${box.bottom - pane.top + 4}px`;
    }
    this.hoverTimer = setTimeout(() => this.actions.post({ type: 'tokenDetails', token }), 60);
  }

  private select(token: number): void {
    this.selected = token;
    this.view.setSelected(token);
    this.actions.post({ type: 'tokenDetails', token });
  }

  private renderTooltip(message: Details): void {
    this.tooltip.replaceChildren(h('div', { className: 'tooltip-token' }, JSON.stringify(message.text)),
      ...message.layers.map((layer) => h('div', { className: 'tooltip-layer' }, h('span', { className: 'layer-name' }, layer.layer),
        layer.factors.length ? layer.factors.slice(0, 3).map((f) => `#${f.id} ${f.label} ${formatNumber(f.coefficient)}`).join(' · ') : 'not decomposed yet')));
    this.tooltip.hidden = false;
  }

  private renderInspector(message: Details): void {
    const factor = this.highlights?.factor ?? -1;
    const layer = this.highlights?.layer ?? 0;
    this.inspector.replaceChildren(
      h('h3', {}, 'Token ', h('code', {}, message.text)),
      h('div', { className: 'button-row' },
        h('vscode-button', { on: { click: () => this.actions.post({ type: 'pin', token: message.token }) } }, 'Pin'),
        h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.actions.post({ type: 'revealToken', token: message.token }) } }, 'Reveal in editor'),
        factor >= 0 ? h('vscode-button', { attrs: { secondary: '' }, title: `Which context tokens drive factor #${factor} on this token`, on: { click: () => this.actions.attribute({ kind: 'document', token: message.token, factor, layer }) } }, `Attribute #${factor}`) : null),
      ...message.layers.map((layerView) => this.renderLayer(layerView)));
  }

  private renderLayer(view: LayerFactorsView): HTMLElement {
    const layer = this.actions.layerIndex(view.layer);
    return h('div', { className: 'layer-factors' },
      h('h4', {}, view.layer, view.relativeResidual !== undefined ? h('span', { className: 'count', title: 'relative residual ‖x − Φα‖/‖x‖' }, ` residual ${formatNumber(view.relativeResidual)}`) : ''),
      view.factors.length ? h('ul', {}, ...view.factors.map((f) => h('li', {}, this.factorButton(f.id, f.label, layer, formatNumber(f.coefficient))))) : h('p', { className: 'hint' }, 'no factor (or not decomposed yet)'),
      view.more > 0 ? h('p', { className: 'hint' }, `and ${view.more} more`) : null);
  }

  private renderChange(change: PinChangeView): HTMLElement {
    const layer = this.actions.layerIndex(change.layer);
    const items = [
      ...change.gained.map((f) => h('li', { className: 'gained' }, '+ ', this.factorButton(f.id, f.label, layer, formatNumber(f.coefficient)))),
      ...change.lost.map((f) => h('li', { className: 'lost' }, '− ', this.factorButton(f.id, f.label, layer, formatNumber(f.coefficient)))),
      ...change.changed.map((f) => h('li', { className: f.after > f.before ? 'up' : 'down' }, f.after > f.before ? '▲ ' : '▼ ', this.factorButton(f.id, f.label, layer, `${formatNumber(f.before)} → ${formatNumber(f.after)}`))),
    ];
    return h('div', { className: 'layer-factors' }, h('h4', {}, change.layer), items.length ? h('ul', {}, ...items) : h('p', { className: 'hint' }, 'unchanged'));
  }

  private factorButton(id: number, label: string, layer: number, value: string): HTMLElement {
    return h('button', { className: 'factor-link', title: `Highlight factor #${id} at this layer`, on: { click: () => this.actions.selectFactor(id, layer) } },
      `#${id} ${label}`, h('span', { className: 'count' }, ` ${value}`));
  }
}
