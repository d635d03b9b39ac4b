import * as vscode from 'vscode';
import {
  dictionaryKey, FACTOR_NOTES_PATH, FactorNotesError, parseFactorNotes, withFactorNote, type FactorNote, type FactorNotesFile,
} from '../../core/annotations/factorNotesFile';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';

const NO_NOTE: FactorNote = Object.freeze({});

/**
 * The user's labels and notes on factors, from `.vscode/transformer-factors.json` in the first
 * workspace folder. Reloads when the file changes on disk; a malformed file is reported, shown as
 * no notes, and never overwritten.
 */
export class FactorNotes implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private file: FactorNotesFile = { notes: new Map(), problems: [], malformed: false };
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private loads = 0;
  private reported = '';

  constructor(private readonly registry: DictionaryRegistry) {
    this.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch()));
    this.watch();
  }

  /** The user's label and note for a factor of a dictionary; empty when there are none. */
  get(dictionaryId: string, factor: number): FactorNote {
    return this.notesOf(dictionaryId)?.get(factor) ?? NO_NOTE;
  }

  /** A lookup for one dictionary, for lists that ask about many factors. */
  lookup(dictionaryId: string): (factor: number) => FactorNote | undefined {
    const notes = this.notesOf(dictionaryId);
    return (factor) => notes?.get(factor);
  }

  /** Where notes are kept, or undefined when no folder is open. */
  fileUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, FACTOR_NOTES_PATH);
  }

  /** Writes one factor's label and note (blank removes them). Returns false, having told the user why, when it cannot. */
  async set(dictionaryId: string, factor: number, note: FactorNote): Promise<boolean> {
    const uri = this.fileUri();
    if (!uri) {
      void vscode.window.showWarningMessage(`Transformer Factors: open a folder to keep notes on factors; they are stored in its ${FACTOR_NOTES_PATH}.`);
      return false;
    }
    const entry = this.registry.get(dictionaryId);
    if (!entry) {
      void vscode.window.showErrorMessage(`Transformer Factors: there is no dictionary ${dictionaryId} to annotate.`);
      return false;
    }
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open?.isDirty) {
      void this.showProblem(`${FACTOR_NOTES_PATH} has unsaved changes: save it, then add the note again.`, uri, 'warning');
      return false;
    }
    let text: string;
    try {
      text = withFactorNote(await readText(uri), { id: entry.id, sha256: entry.dataSha256, name: entry.name }, factor, note);
    } catch (error) {
      if (!(error instanceof FactorNotesError)) throw error;
      void this.showProblem(error.message, uri, 'error');
      return false;
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.accept(parseFactorNotes(text));
    return true;
  }

  dispose(): void {
    this.watcher?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }

  private notesOf(dictionaryId: string): Map<number, FactorNote> | undefined {
    const entry = this.registry.get(dictionaryId);
    return entry && this.file.notes.get(dictionaryKey(entry.id, entry.dataSha256));
  }

  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, FACTOR_NOTES_PATH));
      const reload = () => void this.reload();
      this.watcher.onDidCreate(reload);
      this.watcher.onDidChange(reload);
      this.watcher.onDidDelete(reload);
    }
    void this.reload();
  }

  private async reload(): Promise<void> {
    const load = ++this.loads;
    const uri = this.fileUri();
    const text = uri && (await readText(uri).catch(() => undefined));
    if (load !== this.loads) return; // a newer reload started meanwhile
    this.accept(parseFactorNotes(text ?? ''));
    if (uri && this.file.problems.length) {
      const what = this.file.malformed
        ? `${FACTOR_NOTES_PATH} cannot be read, so its notes are not shown (the file is left as it is): ${this.file.problems.join('; ')}`
        : `some notes in ${FACTOR_NOTES_PATH} were skipped: ${this.file.problems.join('; ')}`;
      // Tell once per distinct problem, not on every save.
      if (what !== this.reported) void this.showProblem(what, uri, 'warning');
      this.reported = what;
    } else {
      this.reported = '';
    }
  }

  private accept(file: FactorNotesFile): void {
    this.file = file;
    this.changed.fire();
  }

  private async showProblem(message: string, uri: vscode.Uri, level: 'warning' | 'error'): Promise<void> {
    const show = level === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    if ((await show(`Transformer Factors: ${message}`, 'Open File')) === 'Open File') await vscode.window.showTextDocument(uri);
  }
}

/** The file's text, or undefined when it does not exist. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
