import * as vscode from 'vscode';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { DocumentAnalysis } from '../analysis/documentAnalyser';
import type { PartialDecomposition } from '../engine/partialDecomposition';
import { factorNamer, shortName, type FactorNames } from '../state/factorLabels';
import type { Services } from '../state/services';
import { DecorationTypes } from './decorationTypes';
import { ACTIVATION_LEVELS, STRONGEST_PALETTE } from './highlightColors';
import { resolveLayer } from './highlightMode';
import { labelAnchor, planFactor, planStrongest, type FactorPlan, type StrongestGroup, type TextSpan } from './highlightPlan';
import { LineIndex } from './lineIndex';

/** Repaints of a document while its analysis fills up are at least this far apart. */
const REPAINT_MS = 250;

/** One factor's shading on one analysed document, as navigation uses it. */
export interface FactorView {
  partial: PartialDecomposition;
  layer: string;
  factor: number;
  activations: Float32Array;
  scale: number;
}

/**
 * Draws the highlight mode on every visible editor whose document is analysed: a handful of
 * decoration types (intensity levels, palette colours) whatever the document's length, redrawn
 * at most every REPAINT_MS while the analysis arrives. Decorations of an older version are left
 * as they are (the editor moves them with the edits) until the new analysis is in.
 */
export class HighlightPainter implements vscode.Disposable {
  private types: DecorationTypes;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lineIndexes = new WeakMap<PartialDecomposition, LineIndex>();
  private readonly plans = new WeakMap<PartialDecomposition, { key: string; plan: FactorPlan & { activations: Float32Array } | { groups: StrongestGroup[] } }>();
  private catalog: CatalogSummary | undefined;
  private name: (factor: number) => FactorNames = (factor) => ({ label: `factor ${factor}` });
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.types = new DecorationTypes(services.settings.current.highlightColor);
    this.subscriptions = [
      services.analysis.analyser.onDidChange((analysis) => this.schedule(analysis)),
      services.view.onDidChange(() => this.repaintAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.repaintAll()),
      services.settings.onDidChange(({ changed, settings }) => {
        if (changed.has('highlightColor')) {
          this.types.dispose();
          this.types = new DecorationTypes(settings.highlightColor);
          this.repaintAll();
        } else if (changed.has('layer')) {
          this.repaintAll();
        }
      }),
      services.engine.onDidChange(() => void this.refreshNames()),
      services.dictionaries.notes.onDidChange(() => void this.refreshNames()),
    ];
    void this.refreshNames();
  }

  /** The current factor's activations on the document, when a factor is highlighted and the document analysed. */
  factorView(document: vscode.TextDocument): FactorView | undefined {
    const mode = this.services.view.mode;
    const analysis = this.services.analysis.current(document);
    if (mode?.kind !== 'factor' || !analysis?.partial) return undefined;
    const layer = this.layerOf(analysis.partial);
    const plan = this.factorPlan(analysis.partial, layer.index, mode.factor);
    return { partial: analysis.partial, layer: layer.name, factor: mode.factor, activations: plan.activations, scale: plan.scale };
  }

  /** The tokens' range in the analysed text, as an editor range. */
  rangeOf(partial: PartialDecomposition, span: TextSpan): vscode.Range {
    const index = this.lineIndex(partial);
    const start = index.position(span.start);
    const end = index.position(span.end);
    return new vscode.Range(start.line, start.character, end.line, end.character);
  }

  repaintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  dispose(): void {
    this.pending.forEach((timer) => clearTimeout(timer));
    this.subscriptions.forEach((s) => s.dispose());
    this.types.dispose();
  }

  private async refreshNames(): Promise<void> {
    const namer = await factorNamer(this.services);
    this.catalog = namer.catalog;
    this.name = namer.name;
    this.repaintAll();
  }

  private schedule(analysis: DocumentAnalysis): void {
    if (!this.services.view.mode || this.pending.has(analysis.key)) return;
    const delay = analysis.state === 'running' ? REPAINT_MS : 0;
    this.pending.set(analysis.key, setTimeout(() => {
      this.pending.delete(analysis.key);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === analysis.key) this.paint(editor);
    }, delay));
  }

  private paint(editor: vscode.TextEditor): void {
    const mode = this.services.view.mode;
    if (!mode) {
      this.types.clear(editor);
      return;
    }
    const analysis = this.services.analysis.latest(editor.document);
    if (!analysis) {
      this.types.clear(editor);
      return;
    }
    const partial = analysis.partial;
    if (!partial || analysis.version !== editor.document.version || partial.tokensDone === 0) return;
    const layer = this.layerOf(partial);
    const toRanges = (spans: TextSpan[]) => spans.map((span) => this.rangeOf(partial, span));
    if (mode.kind === 'factor') {
      const plan = this.factorPlan(partial, layer.index, mode.factor);
      this.types.levels.forEach((type, b) => editor.setDecorations(type, toRanges(plan.spans[b])));
      this.types.palette.forEach((type) => editor.setDecorations(type, []));
      editor.setDecorations(this.types.labels, []);
      return;
    }
    const { groups } = this.strongestPlan(partial, layer.index);
    this.types.levels.forEach((type) => editor.setDecorations(type, []));
    this.types.palette.forEach((type, g) => editor.setDecorations(type, toRanges(groups[g]?.spans ?? [])));
    // One label per colour, after the first word it marks: a legend in the text, used sparingly.
    editor.setDecorations(this.types.labels, groups.filter((g) => g.spans.length).map((group) => ({
      range: this.rangeOf(partial, labelAnchor(partial.tokens, group.spans[0])),
      renderOptions: { after: { contentText: `‹${shortName(group.factor, this.name(group.factor))}›` } },
    })));
  }

  private layerOf(partial: PartialDecomposition): { name: string; index: number } {
    return resolveLayer(partial.layers, this.services.view.layer, this.services.settings.current.layer);
  }

  private factorPlan(partial: PartialDecomposition, layer: number, factor: number): FactorPlan & { activations: Float32Array } {
    const catalogMax = this.catalogMax(partial.layers[layer], factor);
    const key = `factor:${layer}:${factor}:${catalogMax}:${partial.revision}`;
    const cached = this.plans.get(partial);
    if (cached?.key === key && 'spans' in cached.plan) return cached.plan;
    const plan = planFactor(partial, layer, factor, ACTIVATION_LEVELS, catalogMax);
    this.plans.set(partial, { key, plan });
    return plan;
  }

  private strongestPlan(partial: PartialDecomposition, layer: number): { groups: StrongestGroup[] } {
    const key = `strongest:${layer}:${partial.revision}`;
    const cached = this.plans.get(partial);
    if (cached?.key === key && 'groups' in cached.plan) return cached.plan;
    const plan = planStrongest(partial, layer, STRONGEST_PALETTE.length);
    this.plans.set(partial, { key, plan });
    return plan;
  }

  /** The factor's largest coefficient at the layer in the catalog's corpus, when known. */
  private catalogMax(layer: string, factor: number): number | undefined {
    const index = this.catalog?.layers.indexOf(layer) ?? -1;
    return index >= 0 ? this.catalog?.factors[factor]?.layers[index]?.maxCoefficient : undefined;
  }

  private lineIndex(partial: PartialDecomposition): LineIndex {
    let index = this.lineIndexes.get(partial);
    if (!index) this.lineIndexes.set(partial, (index = new LineIndex(partial.text)));
    return index;
  }
}
