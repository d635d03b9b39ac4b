import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { EngineError } from '../engine/engineError';
import type { Services } from '../state/services';
import { defaultExportName, exportContents, formatForPath } from './exportFormat';

/** Writes the active document's whole decomposition as JSON or CSV where the user chooses. */
export function registerExport(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.exportDecomposition, async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Transformer Factors: open the document to export first.');
      return;
    }
    const analysis = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Transformer Factors: decomposing for export', cancellable: true },
      (_, token) => {
        const cancel = token.onCancellationRequested(() => services.analysis.analyser.cancel(document.uri.toString()));
        return services.analysis.complete(document).finally(() => cancel.dispose());
      },
    ).then(undefined, (error: unknown) => {
      if (!(error instanceof EngineError)) void vscode.window.showWarningMessage(`Transformer Factors: ${(error as Error).message}`);
      return undefined;
    });
    const open = services.engine.opened;
    if (!analysis?.partial?.complete || !open || analysis.generation !== open.generation) return;
    const name = document.uri.path.split('/').pop() ?? 'document';
    const folder = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const defaultName = defaultExportName(name, 'json');
    const target = await vscode.window.showSaveDialog({
      title: 'Export the decomposition',
      defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
      filters: { 'JSON (every token, layer and factor)': ['json'], 'CSV (one row per token, layer and factor)': ['csv'] },
      saveLabel: 'Export',
    });
    if (!target) return;
    const contents = exportContents(analysis.partial.toDecomposition(), formatForPath(target.path), {
      model: open.summary.modelId,
      dictionary: open.summary.dictionaryName,
      lambda: open.summary.lambda,
      source: document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString(),
    });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(contents));
    const choice = await vscode.window.showInformationMessage(`Transformer Factors: exported ${analysis.partial.tokens.length} tokens to ${target.path.split('/').pop()}.`, 'Open');
    if (choice) await vscode.window.showTextDocument(target);
  }));
}
