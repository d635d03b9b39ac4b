import type { DashboardView, ExampleRef, ExampleView, ScoredTextView } from '../src/extension/panel/protocol';
import type { Actions } from './actions';
import { histogramChart, importancePlot } from './charts';
import { formatNumber, formatPercent, h, replace } from './dom';
import { plainExample, scoredText } from './scoredText';

const refKey = (ref: ExampleRef) => `${ref.factor}/${ref.layer}/${ref.interval}/${ref.index}`;

/**
 * The factor dashboard, after the paper's visualisation: label and purity, how often the factor
 * is active, its importance across layers, its activation histogram, its top corpus examples
 * (neighbours shaded by their own activation once the engine has computed them), examples of
 * lower activation intervals, and the factors it co-occurs with.
 */
export class DashboardTab {
  readonly element = h('div', { className: 'dashboard-tab' }, h('p', { className: 'hint' }, 'Choose a factor: click one in the document view, the hover, or the dictionaries view.'));
  private dashboard: DashboardView | undefined;
  private readonly activations = new Map<string, { view: ScoredTextView; scale: number }>();
  private readonly exampleSlots = new Map<string, { element: HTMLElement; example: ExampleView }>();

  constructor(private readonly actions: Actions) {}

  get factor(): number {
    return this.dashboard?.factor ?? -1;
  }

  show(dashboard: DashboardView): void {
    if (this.dashboard?.factor !== dashboard.factor) this.activations.clear();
    this.dashboard = dashboard;
    this.exampleSlots.clear();
    const d = dashboard;
    const layer = d.layers[d.layer];
    const title = d.userLabel ? `#${d.factor} · ${d.userLabel}` : `#${d.factor} · ${d.label}`;
    replace(this.element,
      h('header', { className: 'dash-header' },
        h('h2', {}, title),
        h('p', {}, d.userLabel ? `Catalog label: ${d.label} · ` : '', `Labelled by ${d.labelKind === 'word' ? 'word' : 'part of speech'}; purity ${formatPercent(d.purity)}`,
          d.topWords.length ? ` · top words: ${d.topWords.slice(0, 8).map((w) => `${w.word} (${w.count})`).join(', ')}` : ''),
        d.userNote ? h('p', { className: 'note' }, d.userNote) : null,
        h('div', { className: 'button-row' },
          h('vscode-button', { on: { click: () => this.actions.selectFactor(d.factor, d.layer) } }, 'Highlight in document'),
          h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.actions.post({ type: 'findInWorkspace', factor: d.factor, layer: d.layer }) } }, 'Find in workspace'),
          h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.actions.post({ type: 'editLabel', factor: d.factor }) } }, 'Edit label…'))),
      h('section', { className: 'stats' },
        h('div', { className: 'stat' }, h('span', { className: 'stat-value activity-rate' }, layer ? formatPercent(layer.activeFraction) : '–'), h('span', { className: 'stat-name' }, `of corpus tokens active at ${layer?.name ?? ''}`)),
        h('div', { className: 'stat' }, h('span', { className: 'stat-value' }, layer ? formatNumber(layer.importance) : '–'), h('span', { className: 'stat-name' }, 'importance score')),
        h('div', { className: 'stat' }, h('span', { className: 'stat-value' }, layer ? formatNumber(layer.maxCoefficient) : '–'), h('span', { className: 'stat-name' }, 'largest coefficient'))),
      h('section', { className: 'charts' },
        h('figure', {}, importancePlot(d.layers.map((l) => l.name), d.layers.map((l) => l.importance), d.layer, (i) => this.actions.selectFactor(d.factor, i)),
          h('figcaption', {}, 'Importance across layers: where the factor emerges and fades (select a point to switch layer)')),
        layer ? h('figure', {}, histogramChart(layer.histogram, layer.maxCoefficient), h('figcaption', {}, `Activation histogram at ${layer.name} (non-zero coefficients)`)) : null),
      h('section', { className: 'examples' }, h('h3', {}, `Top activating examples at ${layer?.name ?? ''}`),
        d.top.length ? h('ol', { className: 'example-list top-examples' }, ...d.top.map((e) => this.renderExample(e))) : h('p', { className: 'hint' }, 'The factor is never active at this layer in the corpus.')),
      d.intervals.length ? h('section', { className: 'intervals' }, h('h3', {}, 'Examples from lower activation intervals'),
        ...d.intervals.map((interval, i) => h('vscode-collapsible', { attrs: { title: `${formatPercent(interval.from)}–${formatPercent(interval.to)} of the largest coefficient`, ...(i === 0 ? { open: '' } : {}) }, className: 'interval', dataset: { interval: String(i) } },
          h('ol', { className: 'example-list' }, ...interval.examples.map((e) => this.renderExample(e)))))) : null,
      h('section', { className: 'cooccurring' }, h('h3', {}, 'Co-occurring factors'),
        d.cooccurring.length ? h('ul', { className: 'factor-chips' }, ...d.cooccurring.map((c) => h('li', {}, h('button', {
          className: 'factor-link', title: `Open factor #${c.id}: active on ${formatPercent(c.share)} of this factor's tokens`,
          on: { click: () => this.actions.selectFactor(c.id, d.layer) },
        }, `#${c.id} ${c.label}`, h('span', { className: 'count' }, ` ${formatPercent(c.share)}`))))) : h('p', { className: 'hint' }, 'none recorded')),
    );
    for (const { example } of this.exampleSlots.values()) {
      if (!this.activations.has(refKey(example.ref))) this.actions.post({ type: 'exampleActivations', ref: example.ref });
    }
  }

  showActivations(ref: ExampleRef, view: ScoredTextView, scale: number): void {
    const key = refKey(ref);
    this.activations.set(key, { view, scale });
    const slot = this.exampleSlots.get(key);
    if (slot) slot.element.replaceChildren(scoredText(view, 'activation', slot.example, scale));
  }

  private renderExample(example: ExampleView): HTMLElement {
    const key = refKey(example.ref);
    const known = this.activations.get(key);
    const text = h('span', { className: 'example-text' }, known ? scoredText(known.view, 'activation', example, known.scale) : plainExample(example.text, example.start, example.end));
    this.exampleSlots.set(key, { element: text, example });
    return h('li', { className: 'example', dataset: { coefficient: String(example.coefficient) } },
      h('span', { className: 'coefficient' }, formatNumber(example.coefficient)), text,
      h('button', { className: 'link-button', title: 'Which context tokens drive this activation (leave-one-out through the model)', on: { click: () => this.actions.attribute({ kind: 'example', ref: example.ref }) } }, 'Attribute'));
  }
}
