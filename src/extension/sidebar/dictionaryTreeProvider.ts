import * as vscode from 'vscode';
import { BUNDLED_MODEL_ID } from '../../core/model/bundledModel';
import type { FactorNotes } from '../annotations/factorNotes';
import type { CatalogCache } from '../dictionaries/catalogCache';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import {
  dictionaryNode, factorNode, layerChildren, layerNode, unusableDictionaryNode, type FactorNode, type TreeNode, type TreeRow,
} from './treeModel';

/** Dictionaries → layers → factors by importance; catalogs are read when a layer is first opened. */
export class DictionaryTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly registry: DictionaryRegistry,
    private readonly catalogs: CatalogCache,
    private readonly notes: FactorNotes,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItem(node.row);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const activeId = this.registry.active()?.id;
      return [
        ...this.registry.entries().map((entry) => dictionaryNode(entry, { active: entry.id === activeId, editorModelId: BUNDLED_MODEL_ID })),
        ...this.registry.unusable().map(unusableDictionaryNode),
      ];
    }
    const entry = 'dictionaryId' in node ? this.registry.get(node.dictionaryId) : undefined;
    if (!entry) return [];
    if (node.kind === 'dictionary') {
      const catalog = entry.hasCatalog ? await this.catalogs.get(entry).catch(() => undefined) : undefined;
      if (!entry.layers.length) {
        return [{ kind: 'message', row: { id: `${entry.id}/no-layers`, label: 'This dictionary names no layers', icon: { id: 'info' }, collapsible: 'none' } }];
      }
      return entry.layers.map((layer) => layerNode(entry, layer, catalog));
    }
    if (node.kind === 'layer') {
      let catalog;
      let catalogProblem: string | undefined;
      try {
        catalog = await this.catalogs.get(entry);
      } catch (error) {
        catalogProblem = (error as Error).message;
      }
      return layerChildren(entry, node.layer, { active: entry.id === this.registry.active()?.id, catalog, catalogProblem, notes: this.notes.lookup(entry.id) });
    }
    return [];
  }

  async getParent(node: TreeNode): Promise<TreeNode | undefined> {
    if (node.kind === 'message' || node.kind === 'dictionary') return undefined;
    const entry = this.registry.get(node.dictionaryId);
    if (!entry) return undefined;
    if (node.kind === 'layer') return dictionaryNode(entry, { active: entry.id === this.registry.active()?.id, editorModelId: BUNDLED_MODEL_ID });
    const catalog = await this.catalogs.get(entry).catch(() => undefined);
    return layerNode(entry, node.layer, catalog);
  }

  /** The node of a factor at a layer, for `TreeView.reveal`. */
  async factorNode(dictionaryId: string, layer: string, factor: number): Promise<FactorNode | undefined> {
    const entry = this.registry.get(dictionaryId);
    if (!entry || factor >= entry.atomCount) return undefined;
    const catalog = await this.catalogs.get(entry).catch(() => undefined);
    const layerIndex = catalog?.layers.indexOf(layer) ?? -1;
    const described = catalog && layerIndex >= 0 ? { catalog, layerIndex } : undefined;
    const data = catalog?.factors.find((f) => f.id === factor) ?? { id: factor, label: '' };
    return factorNode(entry, layer, data, entry.id === this.registry.active()?.id, this.notes.get(entry.id, factor), described);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function treeItem(row: TreeRow): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, row.collapsible === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = row.id;
  item.description = row.description;
  if (row.tooltip) item.tooltip = new vscode.MarkdownString(row.tooltip);
  if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
  item.contextValue = row.contextValue;
  item.command = row.command;
  return item;
}
