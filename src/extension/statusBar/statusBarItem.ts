import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { DICTIONARY_COMMANDS } from '../dictionaries/dictionaryCommands';
import { resolveLayer } from '../highlight/highlightMode';
import { factorNamer, shortName, type FactorNames } from '../state/factorLabels';
import type { Services } from '../state/services';
import { statusText } from './statusText';

/** Redraws while an analysis fills up are at least this far apart. */
const REDRAW_MS = 300;

/** The status bar entry (dictionary · layer · factor, progress while analysing) and its menu. */
export function registerStatusBar(context: vscode.ExtensionContext, services: Services): void {
  const item = vscode.window.createStatusBarItem('transformerFactors.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Transformer Factors';
  item.command = COMMANDS.statusMenu;
  let name: (factor: number) => FactorNames = (factor) => ({ label: `factor ${factor}` });
  let timer: ReturnType<typeof setTimeout> | undefined;

  const redraw = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      item.hide();
      return;
    }
    const verdict = services.analysis.verdict(editor.document);
    const analysis = services.analysis.current(editor.document);
    const open = services.engine.opened;
    const layers = open?.summary.layers ?? services.engine.activeEntry()?.layers ?? [];
    const mode = services.view.mode;
    const partial = analysis?.partial;
    const { text, tooltip } = statusText({
      dictionary: (open?.entry ?? services.engine.activeEntry())?.name,
      layer: resolveLayer(layers, services.view.layer, services.settings.current.layer).name || undefined,
      highlight: mode?.kind === 'factor' ? shortName(mode.factor, name(mode.factor)) : mode ? 'strongest' : undefined,
      progress: analysis?.state === 'running' && partial ? { done: partial.tokensDone, total: partial.tokens.length } : undefined,
      notAnalysed: analysis ? (analysis.state === 'cancelled' ? 'cancelled' : analysis.state === 'failed' ? analysis.error?.message : undefined) : verdict.analyse ? undefined : verdict.message,
    });
    item.text = text;
    item.tooltip = tooltip;
    item.show();
  };
  const soon = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      redraw();
    }, REDRAW_MS);
  };
  const refreshNames = async () => {
    name = (await factorNamer(services)).name;
    redraw();
  };
  void refreshNames();
  redraw();

  context.subscriptions.push(
    item,
    new vscode.Disposable(() => clearTimeout(timer)),
    vscode.window.onDidChangeActiveTextEditor(redraw),
    services.view.onDidChange(redraw),
    services.settings.onDidChange(redraw),
    services.engine.onDidChange(() => void refreshNames()),
    services.dictionaries.notes.onDidChange(() => void refreshNames()),
    services.analysis.analyser.onDidChange((analysis) => {
      if (analysis.key !== vscode.window.activeTextEditor?.document.uri.toString()) return;
      if (analysis.state === 'running') soon();
      else redraw();
    }),
    vscode.commands.registerCommand(COMMANDS.statusMenu, () => showMenu(services)),
  );
}

/** What the status bar entry offers: each thing it shows can be changed from here. */
async function showMenu(services: Services): Promise<void> {
  const mode = services.view.mode;
  const layers = services.engine.opened?.summary.layers ?? services.engine.activeEntry()?.layers ?? [];
  const items: Array<vscode.QuickPickItem & { command: string }> = [
    { label: '$(book) Dictionary…', description: services.engine.activeEntry()?.name, command: DICTIONARY_COMMANDS.setActive },
    { label: '$(layers) Layer…', description: resolveLayer(layers, services.view.layer, services.settings.current.layer).name || undefined, command: COMMANDS.pickLayer },
    { label: '$(symbol-numeric) Highlight a factor…', command: COMMANDS.highlightFactor },
    { label: '$(paintcan) Highlight each token’s strongest factor', command: COMMANDS.highlightStrongest },
    ...(mode ? [{ label: '$(clear-all) Clear highlights', command: COMMANDS.clearHighlights }] : []),
    { label: '$(sync) Analyse this document now', command: COMMANDS.analyseDocument },
    { label: '$(export) Export the decomposition…', command: COMMANDS.exportDecomposition },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Transformer Factors', placeHolder: 'What to change' });
  if (picked) await vscode.commands.executeCommand(picked.command);
}
