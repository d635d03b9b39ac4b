import { mkdirSync } from 'node:fs';
import * as vscode from 'vscode';
import { registerAnnotateFactor } from '../annotations/annotateFactor';
import { FactorNotes } from '../annotations/factorNotes';
import { CatalogCache } from '../dictionaries/catalogCache';
import { DICTIONARY_SETTING, registerDictionaryCommands } from '../dictionaries/dictionaryCommands';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import { pickFactor, type PickFactorOptions } from '../dictionaries/pickFactor';
import { DictionaryTreeProvider } from './dictionaryTreeProvider';
import { registerFindFactorByWord } from './findFactorByWord';
import type { TreeNode } from './treeModel';

export const DICTIONARIES_VIEW = 'transformerFactors.dictionaries';

export interface DictionaryViewServices {
  registry: DictionaryRegistry;
}

/** What the rest of the extension uses from the dictionary side. */
export interface DictionaryViews {
  /** The user's labels and notes on factors (`get(dictionaryId, factor)`, `onDidChange`). */
  notes: FactorNotes;
  /** Factor catalogs (summaries, and one factor's details on demand), read on the catalog worker on first use. */
  catalogs: CatalogCache;
  /** The factor QuickPick over the active dictionary, with the user's labels; undefined when dismissed or unavailable. */
  pickActiveFactor(options?: PickFactorOptions): Promise<{ factor: number } | undefined>;
}

/**
 * The Transformer Factors activity-bar view (dictionaries → layers → factors), its commands
 * (import, set active, reveal file, remove, refresh, find factor by word, annotate factor) and
 * the factor notes kept in the workspace. Everything is disposed with the extension.
 */
export function registerDictionaryViews(context: vscode.ExtensionContext, services: DictionaryViewServices): DictionaryViews {
  const { registry } = services;
  const catalogs = new CatalogCache();
  const notes = new FactorNotes(registry);
  const provider = new DictionaryTreeProvider(registry, catalogs, notes);
  const view = vscode.window.createTreeView<TreeNode>(DICTIONARIES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const refreshView = () => provider.refresh();

  context.subscriptions.push(
    catalogs,
    notes,
    provider,
    view,
    registry.onDidChange(refreshView),
    notes.onDidChange(refreshView),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(DICTIONARY_SETTING) && refreshView()),
    ...registerDictionaryCommands(registry, catalogs, refreshView),
    registerAnnotateFactor(registry, catalogs, notes),
    registerFindFactorByWord(registry, catalogs, notes, provider, view),
    watchUserDictionaries(registry, catalogs),
  );

  return {
    notes,
    catalogs,
    async pickActiveFactor(options = {}) {
      const entry = registry.active();
      if (!entry) {
        void vscode.window.showErrorMessage('Transformer Factors: no dictionary is active.');
        return undefined;
      }
      const catalog = await catalogs.get(entry).catch((error: Error) => void vscode.window.showErrorMessage(`Transformer Factors: ${error.message}`));
      return catalog ? pickFactor(catalog, { notes: notes.lookup(entry.id), ...options }) : undefined;
    },
  };
}

/** Re-lists dictionaries when files appear in or leave the user's folder (imports, CLI training into it). */
function watchUserDictionaries(registry: DictionaryRegistry, catalogs: CatalogCache): vscode.Disposable {
  try {
    mkdirSync(registry.folders.user, { recursive: true });
  } catch {
    return new vscode.Disposable(() => undefined);
  }
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(registry.folders.user), '*.{tfdict,gz}'));
  let timer: NodeJS.Timeout | undefined;
  const relist = () => {
    clearTimeout(timer);
    // A dictionary and its catalog are written one after the other: re-list once both are there.
    timer = setTimeout(() => {
      catalogs.clear();
      registry.refresh();
    }, 500);
  };
  watcher.onDidCreate(relist);
  watcher.onDidChange(relist);
  watcher.onDidDelete(relist);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    watcher.dispose();
  });
}
