import * as vscode from 'vscode';
import { listDictionaries, type DictionaryEntry, type DictionaryFolders, type UnusableDictionary } from '../../core/dictionary/dictionaryStore';

/**
 * The dictionaries the extension knows (bundled with it, and imported or trained into its
 * global storage) and which one is active. Everything that shows or uses a dictionary asks here
 * and listens to onDidChange.
 */
export class DictionaryRegistry implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private listing: { entries: DictionaryEntry[]; unusable: UnusableDictionary[] } = { entries: [], unusable: [] };

  constructor(
    readonly folders: Required<DictionaryFolders>,
    /** The `transformerFactors.dictionary` setting: a dictionary id, or empty for the bundled default. */
    private readonly configuredId: () => string,
    private readonly defaultId: string,
  ) {
    this.refresh();
  }

  /** Re-reads both folders (headers only) and tells listeners. */
  refresh(): void {
    this.listing = listDictionaries(this.folders);
    this.changed.fire();
  }

  entries(): readonly DictionaryEntry[] {
    return this.listing.entries;
  }

  unusable(): readonly UnusableDictionary[] {
    return this.listing.unusable;
  }

  get(id: string): DictionaryEntry | undefined {
    return this.listing.entries.find((e) => e.id === id);
  }

  /** The configured dictionary if it exists, else the bundled default. */
  active(): DictionaryEntry | undefined {
    return this.get(this.configuredId() || this.defaultId) ?? this.get(this.defaultId);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
