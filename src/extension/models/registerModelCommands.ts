import * as vscode from 'vscode';
import type { DictionaryEntry } from '../../core/dictionary/dictionaryStore';
import { SETTINGS_SECTION } from '../settings/settings';
import type { Services } from '../state/services';
import { modelFolderFor } from './dictionaryModelFolder';
import { MODEL_COMMANDS } from './modelCommandIds';
import { activeModel, createModelCommandContext } from './modelContext';
import { MODEL_SETTING } from './modelSetting';
import { trainDictionary } from './trainDictionaryCommand';
import { useBundledModel, useHubModel, useLocalModel } from './useModelCommands';

/**
 * Registers "Use Model from Hugging Face Hub…", "Use Local Model Folder…", "Use Bundled Model"
 * and "Train Dictionary…", and tells the engine where each dictionary's model is.
 */
export function registerModelCommands(context: vscode.ExtensionContext, services: Services): void {
  const ctx = createModelCommandContext(context, services);
  const modelDirFor = async (entry: DictionaryEntry): Promise<string> => {
    const found = modelFolderFor(entry.modelId, { cacheDir: ctx.cacheDir, configured: activeModel() });
    if ('problem' in found) throw new Error(found.problem);
    return found.dir;
  };
  ctx.modelsChanged = () => services.engine.setModelResolver(modelDirFor);
  ctx.modelsChanged();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(`${SETTINGS_SECTION}.${MODEL_SETTING}`) && ctx.modelsChanged?.()),
    vscode.commands.registerCommand(MODEL_COMMANDS.useHubModel, () => useHubModel(ctx)),
    vscode.commands.registerCommand(MODEL_COMMANDS.useLocalModel, () => useLocalModel(ctx)),
    vscode.commands.registerCommand(MODEL_COMMANDS.useBundledModel, () => useBundledModel()),
    vscode.commands.registerCommand(MODEL_COMMANDS.trainDictionary, () => trainDictionary(ctx)),
  );
}
