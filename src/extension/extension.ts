import { join } from 'node:path';
import * as vscode from 'vscode';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../core/model/bundledModel';
import { registerOpenFactor } from './commands/openFactor';
import { DictionaryRegistry } from './dictionaries/dictionaryRegistry';
import { registerExport } from './export/exportCommand';
import { registerHighlights } from './highlight/registerHighlights';
import { registerHover } from './hover/registerHover';
import { registerModelCommands } from './models/registerModelCommands';
import { registerFactorPanel } from './panel/registerFactorPanel';
import { SettingsService } from './settings/settingsService';
import { registerDictionaryViews } from './sidebar/registerDictionaryViews';
import { createServices } from './state/createServices';
import { registerStatusBar } from './statusBar/statusBarItem';

const BUNDLED_DICTIONARY_ID = `bundled:${BUNDLED_DICTIONARY_FILE.replace(/\.tfdict$/, '')}`;

export function activate(context: vscode.ExtensionContext): void {
  const settings = new SettingsService();
  const registry = new DictionaryRegistry(
    { bundled: bundledDictionaryDir(), user: join(context.globalStorageUri.fsPath, 'dictionaries') },
    () => settings.current.dictionary,
    BUNDLED_DICTIONARY_ID,
  );
  context.subscriptions.push(settings, registry);

  const dictionaries = registerDictionaryViews(context, { registry });
  const services = createServices(context, { settings, registry, dictionaries });
  registerHighlights(context, services);
  registerHover(context, services);
  registerStatusBar(context, services);
  registerExport(context, services);
  registerOpenFactor(context, services);
  registerFactorPanel(context, services);
  registerModelCommands(context, services);
}

export function deactivate(): void {
  // Everything, the engine worker included, is disposed through context.subscriptions.
}
