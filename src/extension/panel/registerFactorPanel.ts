import * as vscode from 'vscode';
import { factorArgs } from '../dictionaries/factorArgs';
import type { Services } from '../state/services';
import { FactorPanel, PANEL_VIEW_TYPE } from './factorPanel';
import { FactorWorkerClient } from './factorWorkerClient';

export const PANEL_COMMANDS = {
  openPanel: 'transformerFactors.openPanel',
  findInWorkspace: 'transformerFactors.findFactorInWorkspace',
} as const;

/** What other parts of the extension may ask of the panel. */
export interface FactorPanels {
  /** Opens (or reveals) the panel on a factor's dashboard. */
  openFactor(factor: number, layer?: string): void;
}

/**
 * The factor panel: its commands, and the serializer that brings the panel back after a reload
 * (the webview restores its own view state and hands it to the new host side).
 */
export function registerFactorPanel(context: vscode.ExtensionContext, services: Services): FactorPanels {
  const worker = new FactorWorkerClient();
  let current: FactorPanel | undefined;

  const adopt = (panel: vscode.WebviewPanel): FactorPanel => {
    current?.dispose();
    const created = new FactorPanel(panel, services, context.extensionUri, worker);
    created.onDidDispose(() => current === created && (current = undefined));
    current = created;
    return created;
  };
  const show = (): FactorPanel => {
    if (current) return current;
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    return adopt(vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Transformer Factors', { viewColumn: column, preserveFocus: true }, {}));
  };
  const openFactor = (factor: number, layer?: string) => show().reveal(factor, layer);

  context.subscriptions.push(
    { dispose: () => { current?.dispose(); worker.dispose(); } },
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        adopt(panel);
      },
    }),
    vscode.commands.registerCommand(PANEL_COMMANDS.openPanel, (arg?: unknown) => {
      const args = factorArgs(arg);
      if (args) openFactor(args.factor, args.layer);
      else show().reveal();
    }),
    vscode.commands.registerCommand(PANEL_COMMANDS.findInWorkspace, async (arg?: unknown) => {
      const args = factorArgs(arg) ?? (await services.dictionaries.pickActiveFactor());
      if (!args) return;
      const layers = services.engine.opened?.summary.layers ?? [];
      const layer = factorArgs(arg)?.layer;
      show().findInWorkspace(args.factor, layer && layers.includes(layer) ? layers.indexOf(layer) : undefined);
    }),
  );
  return { openFactor };
}
