import * as vscode from 'vscode';
import type { FactorNotes } from '../annotations/factorNotes';
import type { CatalogCache } from '../dictionaries/catalogCache';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import { dictionaryIdArg } from '../dictionaries/factorArgs';
import { strongestLayerIndex } from '../dictionaries/factorFacts';
import { findFactorsByWord } from '../dictionaries/findFactors';
import { pickFactor } from '../dictionaries/pickFactor';
import type { DictionaryTreeProvider } from './dictionaryTreeProvider';
import type { TreeNode } from './treeModel';

export const FIND_FACTOR_BY_WORD_COMMAND = 'transformerFactors.findFactorByWord';
export const HIGHLIGHT_FACTOR_COMMAND = 'transformerFactors.highlightFactor';

/**
 * Asks for a word, lists the factors of the active dictionary (or the one the view's menu was
 * opened on) whose top words or labels contain it, reveals the chosen one in the view at the
 * layer where it matters most, and offers to highlight it in the editor.
 */
export function registerFindFactorByWord(
  registry: DictionaryRegistry,
  catalogs: CatalogCache,
  notes: FactorNotes,
  provider: DictionaryTreeProvider,
  view: vscode.TreeView<TreeNode>,
): vscode.Disposable {
  return vscode.commands.registerCommand(FIND_FACTOR_BY_WORD_COMMAND, async (arg?: unknown) => {
    const id = dictionaryIdArg(arg);
    const entry = id ? registry.get(id) : registry.active();
    if (!entry) {
      void vscode.window.showErrorMessage('Transformer Factors: no usable dictionary to search.');
      return;
    }
    const catalog = await catalogs.get(entry).catch((error: Error) => void vscode.window.showErrorMessage(`Transformer Factors: ${error.message}`));
    if (!catalog) return;
    const word = await vscode.window.showInputBox({
      title: `Find factors of ${entry.name} by word`,
      prompt: 'A word from the factors’ top words, their labels, or your own labels and notes',
    });
    if (!word?.trim()) return;
    const lookup = notes.lookup(entry.id);
    const matches = findFactorsByWord(catalog, word, lookup);
    if (!matches.length) {
      void vscode.window.showInformationMessage(`Transformer Factors: no factor of ${entry.name} has "${word.trim()}" among its top words or labels.`);
      return;
    }
    const where = new Map(matches.map((m) => [m.factor, `found in ${m.where.join(', ')}`]));
    const picked = await pickFactor(catalog, {
      only: matches.map((m) => m.factor),
      why: (factor) => where.get(factor),
      notes: lookup,
      title: `${matches.length} factor${matches.length === 1 ? '' : 's'} of ${entry.name} matching "${word.trim()}"`,
    });
    if (!picked) return;
    const factor = catalog.factors.find((f) => f.id === picked.factor)!;
    const layer = catalog.layers[strongestLayerIndex(factor)];
    const node = await provider.factorNode(entry.id, layer, picked.factor);
    if (node) await view.reveal(node, { select: true, focus: true, expand: true });
    if (entry.id !== registry.active()?.id) return;
    const answer = await vscode.window.showInformationMessage(`Factor #${picked.factor} (${factor.label}) matters most at ${layer}.`, 'Highlight in Editor');
    if (answer) await vscode.commands.executeCommand(HIGHLIGHT_FACTOR_COMMAND, { factor: picked.factor, layer });
  });
}
