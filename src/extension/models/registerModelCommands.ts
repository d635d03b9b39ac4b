import * as vscode from 'vscode';
import type { Services } from '../state/services';
import { MODEL_COMMANDS } from './modelCommandIds';
import { createModelCommandContext } from './modelContext';
import { trainDictionary } from './trainDictionaryCommand';
import { useBundledModel, useHubModel, useLocalModel } from './useModelCommands';

/** Registers "Use Model from Hugging Face Hub…", "Use Local Model Folder…", "Use Bundled Model" and "Train Dictionary…". */
export function registerModelCommands(context: vscode.ExtensionContext, services: Services): void {
  const ctx = createModelCommandContext(context, services);
  context.subscriptions.push(
    vscode.commands.registerCommand(MODEL_COMMANDS.useHubModel, () => useHubModel(ctx)),
    vscode.commands.registerCommand(MODEL_COMMANDS.useLocalModel, () => useLocalModel(ctx)),
    vscode.commands.registerCommand(MODEL_COMMANDS.useBundledModel, () => useBundledModel()),
    vscode.commands.registerCommand(MODEL_COMMANDS.trainDictionary, () => trainDictionary(ctx)),
  );
}
