import * as vscode from 'vscode';
import { factorArgs } from '../dictionaries/factorArgs';
import { COMMANDS } from '../commands/commandIds';
import { EngineError } from '../engine/engineError';
import type { DocumentAnalysis } from '../analysis/documentAnalyser';
import type { Services } from '../state/services';
import { resolveLayer } from './highlightMode';
import type { HighlightPainter } from './highlightPainter';
import { findActivation } from './navigation';

/** Highlight a factor, each token's strongest factor, choose the layer, clear, and move between activations. */
export function registerHighlightCommands(services: Services, painter: HighlightPainter): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.highlightFactor, async (arg?: unknown) => {
      const args = factorArgs(arg);
      if (args?.layer) services.view.setLayer(args.layer);
      const factor = args?.factor ?? (await askForFactor(services));
      if (factor === undefined) return;
      services.view.setMode({ kind: 'factor', factor });
      analyseActive(services);
    }),
    // Resolves, for callers such as tests and other extensions, to what it drew: the tokens with
    // their offsets and the layers (undefined when there is no document or the run is cancelled).
    vscode.commands.registerCommand(COMMANDS.highlightStrongest, async (): Promise<DrawnDecomposition | undefined> => {
      services.view.setMode({ kind: 'strongest' });
      const analysis = await analyseActive(services);
      const partial = analysis?.partial;
      return partial && { layers: [...partial.layers], tokens: partial.tokens.map(({ text, start, end }) => ({ text, start, end })) };
    }),
    vscode.commands.registerCommand(COMMANDS.clearHighlights, () => services.view.setMode(undefined)),
    vscode.commands.registerCommand(COMMANDS.pickLayer, () => pickLayer(services)),
    vscode.commands.registerCommand(COMMANDS.nextActivation, () => move(services, painter, 1)),
    vscode.commands.registerCommand(COMMANDS.previousActivation, () => move(services, painter, -1)),
    vscode.commands.registerCommand(COMMANDS.analyseDocument, () => analyseActive(services, true)),
  ];
}

/** The factor to highlight: from the factor QuickPick, or by number when the dictionary has no catalog. */
async function askForFactor(services: Services): Promise<number | undefined> {
  const layers = await layerNames(services);
  const layer = resolveLayer(layers, services.view.layer, services.settings.current.layer).name;
  if (await services.engine.catalog()) return (await services.dictionaries.pickActiveFactor({ layer: layer || undefined }))?.factor;
  const atomCount = services.engine.activeEntry()?.atomCount ?? 0;
  const typed = await vscode.window.showInputBox({
    title: 'Transformer Factors: highlight factor',
    prompt: `This dictionary has no factor catalog: type a factor number from 0 to ${atomCount - 1}.`,
    validateInput: (value) => (/^\d+$/.test(value.trim()) && Number(value) < atomCount ? undefined : `a whole number from 0 to ${atomCount - 1}`),
  });
  return typed === undefined ? undefined : Number(typed.trim());
}

interface DrawnDecomposition {
  layers: string[];
  tokens: Array<{ text: string; start: number; end: number }>;
}

/** Starts (or keeps) the active document's analysis; the painter draws as it arrives. Resolves once it is complete. */
function analyseActive(services: Services, announce = false): Promise<DocumentAnalysis | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    if (announce) void vscode.window.showInformationMessage('Transformer Factors: open a text document first.');
    return Promise.resolve(undefined);
  }
  // Asked for explicitly: a dictionary that failed to open is tried again.
  const ready = announce ? services.engine.ready(true).then(() => undefined, () => undefined) : Promise.resolve();
  return ready.then(() => services.analysis.complete(editor.document)).then(
    (analysis) => {
      if (announce) void vscode.window.setStatusBarMessage(`Transformer Factors: ${analysis.partial?.tokens.length ?? 0} tokens decomposed`, 4000);
      return analysis;
    },
    (error: unknown) => {
      // Engine errors were shown when the engine failed to open; cancellations need no message.
      if (!(error instanceof EngineError)) void vscode.window.showWarningMessage(`Transformer Factors: ${(error as Error).message}`);
      return undefined;
    },
  );
}

async function layerNames(services: Services): Promise<readonly string[]> {
  const open = services.engine.opened ?? (await services.engine.ready().catch(() => undefined));
  return open?.summary.layers ?? services.engine.activeEntry()?.layers ?? [];
}

async function pickLayer(services: Services): Promise<void> {
  const layers = await layerNames(services);
  if (!layers.length) return;
  const current = resolveLayer(layers, services.view.layer, services.settings.current.layer).name;
  const picked = await vscode.window.showQuickPick(
    layers.map((layer) => ({ label: layer, description: layer === current ? 'current' : undefined })),
    { title: 'Transformer Factors: layer to show', placeHolder: `Now ${current}` },
  );
  if (picked) services.view.setLayer(picked.label);
}

/** Moves the cursor to the next (or previous) token where the highlighted factor fires. */
function move(services: Services, painter: HighlightPainter, direction: 1 | -1): void {
  const editor = vscode.window.activeTextEditor;
  const mode = services.view.mode;
  if (!editor || !mode) {
    void vscode.window.showInformationMessage('Transformer Factors: highlight a factor first (Transformer Factors: Highlight Factor…).');
    return;
  }
  const analysis = services.analysis.current(editor.document);
  const partial = analysis?.partial;
  if (!partial) {
    void vscode.window.setStatusBarMessage('Transformer Factors: this document is not analysed yet', 3000);
    return;
  }
  const offset = editor.document.offsetAt(editor.selection.active);
  let activations: Float32Array;
  let threshold: number;
  if (mode.kind === 'factor') {
    const view = painter.factorView(editor.document)!;
    activations = view.activations;
    threshold = services.settings.current.navigationThreshold * view.scale;
  } else {
    // Strongest-factor mode: move between tokens whose strongest factor is the one under the cursor.
    const layer = resolveLayer(partial.layers, services.view.layer, services.settings.current.layer);
    const strongest = partial.strongest(layer.index);
    const here = partial.tokens.findIndex((t) => t.start <= offset && offset <= t.end && t.end > t.start);
    const factor = here >= 0 ? strongest.factors[here] : -1;
    if (factor < 0) {
      void vscode.window.setStatusBarMessage('Transformer Factors: put the cursor on a highlighted token', 3000);
      return;
    }
    activations = Float32Array.from(strongest.factors, (f, t) => (f === factor ? strongest.coefficients[t] : 0));
    threshold = 0;
  }
  const found = findActivation(partial.tokens, activations, threshold, offset, direction);
  if (!found) {
    void vscode.window.setStatusBarMessage('Transformer Factors: the factor does not fire above the threshold in this document', 3000);
    return;
  }
  const range = painter.rangeOf(partial, partial.tokens[found.token]);
  // The cursor goes to the token's start, so the next move continues from there.
  editor.selection = new vscode.Selection(range.end, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (found.wrapped) void vscode.window.setStatusBarMessage(`Transformer Factors: wrapped around to the ${direction === 1 ? 'start' : 'end'} of the document`, 3000);
}
