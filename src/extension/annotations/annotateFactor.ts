import * as vscode from 'vscode';
import type { CatalogCache } from '../dictionaries/catalogCache';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import { factorArgs } from '../dictionaries/factorArgs';
import { pickFactor } from '../dictionaries/pickFactor';
import type { FactorNotes } from './factorNotes';

export const ANNOTATE_FACTOR_COMMAND = 'transformerFactors.annotateFactor';

/**
 * `transformerFactors.annotateFactor` with `{factor, dictionaryId?}` (from the dictionaries view
 * or a link), or with nothing to pick a factor of the active dictionary first. Asks for the
 * user's label, then the note; Escape on either changes nothing.
 */
export function registerAnnotateFactor(registry: DictionaryRegistry, catalogs: CatalogCache, notes: FactorNotes): vscode.Disposable {
  return vscode.commands.registerCommand(ANNOTATE_FACTOR_COMMAND, async (raw?: unknown) => {
    const args = factorArgs(raw);
    const entry = args?.dictionaryId ? registry.get(args.dictionaryId) : registry.active();
    if (!entry) {
      void vscode.window.showErrorMessage(`Transformer Factors: ${args?.dictionaryId ? `there is no dictionary ${args.dictionaryId}` : 'no dictionary is active'}.`);
      return;
    }
    let factor = args?.factor;
    if (factor === undefined) {
      const catalog = await catalogs.get(entry).catch((error: Error) => void vscode.window.showErrorMessage(`Transformer Factors: ${error.message}`));
      if (!catalog) return;
      factor = (await pickFactor(catalog, { notes: notes.lookup(entry.id), title: `Annotate a factor of ${entry.name}` }))?.factor;
      if (factor === undefined) return;
    }
    if (factor >= entry.atomCount) {
      void vscode.window.showErrorMessage(`Transformer Factors: dictionary ${entry.name} has factors #0 to #${entry.atomCount - 1}, not #${factor}.`);
      return;
    }
    const current = notes.get(entry.id, factor);
    const label = await vscode.window.showInputBox({
      title: `Your label for factor #${factor} of ${entry.name} (1/2)`,
      prompt: 'Shown instead of the catalog’s label in the hover, views and lists; leave empty for none',
      value: current.label ?? '',
    });
    if (label === undefined) return;
    const note = await vscode.window.showInputBox({
      title: `Your note on factor #${factor} of ${entry.name} (2/2)`,
      prompt: `Kept with the project in ${vscode.workspace.asRelativePath(notes.fileUri() ?? '.vscode/transformer-factors.json')}; leave empty for none`,
      value: current.note ?? '',
    });
    if (note === undefined) return;
    await notes.set(entry.id, factor, { label, note });
  });
}
