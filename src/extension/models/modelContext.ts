import { join } from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings/settings';
import type { Services } from '../state/services';
import { ModelJobClient } from './modelJobClient';
import { MODEL_SETTING, parseModelSetting, type ModelChoice } from './modelSetting';

/** What the model commands share: where models and dictionaries go, the job runner, the model setting. */
export interface ModelCommandContext {
  services: Services;
  jobs: ModelJobClient;
  /** Hub downloads (`hub/`) and rewritten graphs (`graphs/`), in the extension's global storage. */
  cacheDir: string;
  /** The folder the Dictionaries view lists user dictionaries from. */
  dictionaryFolder: string;
  /** Set while a training run is going. */
  training?: Promise<unknown>;
  /** Called when a model becomes available or the model setting changes: the engine looks again for dictionaries' models. */
  modelsChanged?: () => void;
}

export function createModelCommandContext(context: vscode.ExtensionContext, services: Services): ModelCommandContext {
  return {
    services,
    jobs: new ModelJobClient(),
    cacheDir: join(context.globalStorageUri.fsPath, 'models'),
    dictionaryFolder: services.registry.folders.user,
  };
}

export function activeModel(): ModelChoice {
  return parseModelSetting(vscode.workspace.getConfiguration(SETTINGS_SECTION).get(MODEL_SETTING));
}

/** Writes the model setting where it is set (folder, workspace), else in the user's settings. */
export async function setActiveModel(value: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const where = config.inspect(MODEL_SETTING);
  const target = where?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(MODEL_SETTING, value, target);
}
