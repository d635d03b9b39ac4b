import type { HostMessage } from '../src/extension/panel/protocol';
import { formatNumber, h } from './dom';
import { scoredText } from './scoredText';

type Result = Extract<HostMessage, { type: 'attribution' }>;

/**
 * Attribution: which context tokens drive a factor's activation on one token, on a second,
 * diverging colour scale. Shows progress while the engine works, with Cancel.
 */
export class AttributionBox {
  readonly element = h('section', { className: 'attribution', attrs: { 'aria-label': 'Attribution', 'aria-live': 'polite' } });
  private request = -1;

  constructor(private readonly cancel: (request: number) => void) {
    this.element.hidden = true;
  }

  started(request: number, title: string): void {
    this.request = request;
    this.element.hidden = false;
    this.element.replaceChildren(
      h('h3', {}, title),
      h('vscode-progress-bar', { className: 'attribution-progress', attrs: { indeterminate: '' } }),
      h('p', { className: 'hint progress-text' }, 'Running the model with each context token left out…'),
      h('div', { className: 'button-row' }, h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.cancel(request) } }, 'Cancel')));
  }

  progress(request: number, done: number, total: number): void {
    if (request !== this.request) return;
    const text = this.element.querySelector('.progress-text');
    if (text) text.textContent = `Leaving out each context token: ${done} of ${total} model runs`;
  }

  result(message: Result): void {
    if (message.request !== this.request) return;
    const target = { start: message.result.starts[message.target], end: message.result.ends[message.target] };
    const ranked = message.result.scores.map((score, i) => ({ score, i })).filter((s) => s.i !== message.target && s.score !== 0)
      .sort((a, b) => Math.abs(b.score) - Math.abs(a.score)).slice(0, 8);
    this.element.replaceChildren(
      h('h3', {}, message.title),
      h('p', { className: 'hint' }, `Coefficient with the whole context: ${formatNumber(message.baseline)}. Each token is shaded by how much the coefficient drops when it is left out: `,
        h('span', { className: 'key support' }, 'raises the activation'), ' · ', h('span', { className: 'key oppose' }, 'lowers it'), '.'),
      h('div', { className: 'attribution-text' }, scoredText(message.result, 'attribution', target)),
      ranked.length ? h('ol', { className: 'attribution-ranking' }, ...ranked.map(({ score, i }) =>
        h('li', {}, h('code', {}, message.result.text.slice(message.result.starts[i], message.result.ends[i])), ` ${score > 0 ? '+' : ''}${formatNumber(score)}`))) : h('p', { className: 'hint' }, 'No context token changes this activation.'),
      h('div', { className: 'button-row' }, h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.hide() } }, 'Close')));
  }

  failed(request: number, message: string): void {
    if (request !== this.request) return;
    this.element.replaceChildren(h('p', { className: 'warning' }, message), h('vscode-button', { attrs: { secondary: '' }, on: { click: () => this.hide() } }, 'Close'));
  }

  private hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
    this.request = -1;
  }
}
