import * as vscode from 'vscode';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import { factorIdInQuery, factorPickItems, type FactorPickItem, type FactorPickOptions } from './factorPickItems';

export interface PickFactorOptions extends FactorPickOptions {
  title?: string;
  placeholder?: string;
  token?: vscode.CancellationToken;
}

type Item = vscode.QuickPickItem & FactorPickItem;

/**
 * Lets the user choose one of the catalog's factors: by number ("12", "#12"), label, top word or
 * their own label and note. Resolves undefined when dismissed.
 */
export function pickFactor(catalog: CatalogSummary, options: PickFactorOptions = {}): Promise<{ factor: number } | undefined> {
  const items: Item[] = factorPickItems(catalog, options);
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = options.title ?? `Transformer Factors: ${catalog.dictionary.name}${options.layer ? ` at ${options.layer}` : ''}`;
  quickPick.placeholder = options.placeholder ?? 'Type a factor number (#12), a label or a word';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  return new Promise((resolve) => {
    let chosen: { factor: number } | undefined;
    const subscriptions = [
      quickPick.onDidChangeValue((value) => {
        // Typing a number selects that factor even when others' labels or words match too.
        const id = factorIdInQuery(value);
        const exact = id === undefined ? undefined : items.find((item) => item.factor === id);
        if (exact) quickPick.activeItems = [exact];
      }),
      quickPick.onDidAccept(() => {
        const [item] = quickPick.selectedItems.length ? quickPick.selectedItems : quickPick.activeItems;
        if (item) chosen = { factor: item.factor };
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        subscriptions.forEach((s) => s.dispose());
        quickPick.dispose();
        resolve(chosen);
      }),
      ...(options.token ? [options.token.onCancellationRequested(() => quickPick.hide())] : []),
    ];
    quickPick.show();
  });
}
