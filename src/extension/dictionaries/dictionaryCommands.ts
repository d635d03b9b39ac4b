import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { DictionaryError } from '../../core/dictionary/dictionaryError';
import { removeDictionary, type DictionaryEntry } from '../../core/dictionary/dictionaryStore';
import { BUNDLED_MODEL_ID } from '../../core/model/bundledModel';
import type { CatalogCache } from './catalogCache';
import type { DictionaryRegistry } from './dictionaryRegistry';
import { dictionaryIdArg } from './factorArgs';
import { IMPORT_DICTIONARY_COMMAND, importDictionary } from './importDictionary';

export const DICTIONARY_SETTING = 'transformerFactors.dictionary';

export const DICTIONARY_COMMANDS = {
  import: IMPORT_DICTIONARY_COMMAND,
  setActive: 'transformerFactors.setActiveDictionary',
  revealFile: 'transformerFactors.revealDictionaryFile',
  remove: 'transformerFactors.removeDictionary',
  refresh: 'transformerFactors.refreshDictionaries',
} as const;

/** Import, choose, show, remove and re-list dictionaries; each takes a view node or `{dictionaryId}`, or asks. */
export function registerDictionaryCommands(registry: DictionaryRegistry, catalogs: CatalogCache, refreshView: () => void): vscode.Disposable[] {
  const refresh = () => {
    catalogs.clear();
    registry.refresh();
    refreshView();
  };
  return [
    vscode.commands.registerCommand(DICTIONARY_COMMANDS.import, () => importDictionary(registry)),
    vscode.commands.registerCommand(DICTIONARY_COMMANDS.setActive, async (arg?: unknown) => {
      const entry = await dictionaryFrom(registry, arg, 'Choose the dictionary to decompose with');
      if (entry) await setActive(entry);
    }),
    vscode.commands.registerCommand(DICTIONARY_COMMANDS.revealFile, async (arg?: unknown) => {
      const id = dictionaryIdArg(arg);
      const path = id ? (registry.get(id)?.path ?? registry.unusable().find((u) => u.id === id)?.path) : (await dictionaryFrom(registry, arg, 'Reveal which dictionary’s file?'))?.path;
      if (path) await revealFile(path);
    }),
    vscode.commands.registerCommand(DICTIONARY_COMMANDS.remove, async (arg?: unknown) => {
      if (await remove(registry, arg)) refresh();
    }),
    vscode.commands.registerCommand(DICTIONARY_COMMANDS.refresh, refresh),
  ];
}

/** The dictionary named by the argument, else one the user picks. */
async function dictionaryFrom(registry: DictionaryRegistry, arg: unknown, title: string): Promise<DictionaryEntry | undefined> {
  const id = dictionaryIdArg(arg);
  if (id) {
    const entry = registry.get(id);
    if (!entry) void vscode.window.showErrorMessage(`Transformer Factors: dictionary ${id} cannot be used (see the dictionaries view for why).`);
    return entry;
  }
  const activeId = registry.active()?.id;
  const items = registry.entries().map((entry) => ({
    label: entry.name,
    description: `${entry.id}${entry.id === activeId ? ' · active' : ''}`,
    detail: `${entry.atomCount} factors · λ ${entry.lambda} · model ${entry.modelId}`,
    entry,
  }));
  return (await vscode.window.showQuickPick(items, { title }))?.entry;
}

/** Writes the user setting; the registry reads it, and the view redraws on the settings change. */
async function setActive(entry: DictionaryEntry): Promise<void> {
  if (entry.modelId !== BUNDLED_MODEL_ID) {
    const answer = await vscode.window.showWarningMessage(
      `${entry.name} was made for model ${entry.modelId}, but the editor runs ${BUNDLED_MODEL_ID}: decomposing with it will fail.`,
      { modal: true },
      'Use Anyway',
    );
    if (answer !== 'Use Anyway') return;
  }
  const [section, key] = splitSetting(DICTIONARY_SETTING);
  const configuration = vscode.workspace.getConfiguration(section);
  await configuration.update(key, entry.id, vscode.ConfigurationTarget.Global);
  const inspected = configuration.inspect<string>(key);
  const override = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  if (override !== undefined && override !== entry.id) {
    void vscode.window.showWarningMessage(`Transformer Factors: ${entry.name} is now your default dictionary, but this workspace's setting ${DICTIONARY_SETTING} (${override || 'the bundled default'}) takes precedence here.`);
  }
}

async function remove(registry: DictionaryRegistry, arg: unknown): Promise<boolean> {
  const id = dictionaryIdArg(arg) ?? (await pickRemovable(registry));
  if (!id) return false;
  const name = registry.get(id)?.name ?? id;
  const answer = await vscode.window.showWarningMessage(
    `Remove dictionary ${name}?`,
    { modal: true, detail: 'Its file and factor catalog are deleted from the extension’s storage. Notes on its factors stay in your workspace.' },
    'Remove',
  );
  if (answer !== 'Remove') return false;
  const wasActive = registry.active()?.id === id;
  try {
    removeDictionary(registry.folders, id);
  } catch (error) {
    if (!(error instanceof DictionaryError)) throw error;
    void vscode.window.showErrorMessage(`Transformer Factors: ${error.message}`);
    return false;
  }
  if (wasActive) {
    const [section, key] = splitSetting(DICTIONARY_SETTING);
    await vscode.workspace.getConfiguration(section).update(key, undefined, vscode.ConfigurationTarget.Global);
  }
  return true;
}

async function pickRemovable(registry: DictionaryRegistry): Promise<string | undefined> {
  const items = [
    ...registry.entries().filter((e) => e.source === 'imported').map((e) => ({ label: e.name, description: e.id, id: e.id })),
    ...registry.unusable().filter((u) => u.source === 'imported').map((u) => ({ label: u.id, description: `cannot be used: ${u.problem}`, id: u.id })),
  ];
  if (!items.length) {
    void vscode.window.showInformationMessage('Transformer Factors: there are no imported or trained dictionaries to remove (bundled ones ship with the extension).');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: 'Remove which dictionary?' }))?.id;
}

/** The OS file manager where there is one on this side; otherwise the path to copy. */
async function revealFile(path: string): Promise<void> {
  const uri = vscode.Uri.file(path);
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
    await vscode.commands.executeCommand('revealFileInOS', uri);
    return;
  }
  const answer = await vscode.window.showInformationMessage(`Transformer Factors: the dictionary is ${path} (in ${dirname(path)}).`, 'Copy Path');
  if (answer === 'Copy Path') await vscode.env.clipboard.writeText(path);
}

function splitSetting(setting: string): [string, string] {
  const dot = setting.lastIndexOf('.');
  return [setting.slice(0, dot), setting.slice(dot + 1)];
}
