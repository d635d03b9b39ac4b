import * as vscode from 'vscode';
import type { EngineService } from '../engine/engineService';
import type { TextRange } from '../engine/engineProtocol';
import { SettingsService } from '../settings/settingsService';
import { analysisVerdict, type AnalysisVerdict } from './analysisPolicy';
import { DocumentAnalyser, type AnalysedDocument, type DocumentAnalysis } from './documentAnalyser';

/** A first analysis still running after this long gets a notification with a Cancel button. */
const LONG_RUN_MS = 1500;
/** Scrolling settles for this long before the visible part is given priority. */
const SCROLL_SETTLE_MS = 250;

/**
 * Connects the analyser to the editor: analyses the documents in visible editors (allowed
 * language and scheme, not too long), again after edits (debounced), visible part first, and
 * shows long first runs with a cancellable progress notification.
 */
export class AnalysisService implements vscode.Disposable {
  readonly analyser: DocumentAnalyser;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly cancelledByUser = new Map<string, number>();
  private readonly toldTooLarge = new Set<string>();
  private readonly withNotification = new Set<string>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settings: SettingsService,
    engine: EngineService,
  ) {
    this.analyser = new DocumentAnalyser(() => engine.ready());
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.analyseVisible()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || !this.isVisible(event.document)) return;
        this.consider(event.document, this.settings.current.debounceMs);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        this.analyser.forget(key);
        this.cancelledByUser.delete(key);
        this.toldTooLarge.delete(key);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onScroll(event.textEditor)),
      settings.onDidChange(({ changed }) => {
        if (changed.has('languages') || changed.has('schemes') || changed.has('maxDocumentCharacters')) this.analyseVisible();
      }),
      engine.onDidChange((open) => {
        if (open) return;
        this.analyser.clear();
        this.analyseVisible();
      }),
      this.analyser.onDidChange((analysis) => this.showLongRun(analysis)),
    );
    this.analyseVisible();
  }

  /** The document's analysis if it is of the document's current version. */
  current(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const analysis = this.analyser.get(document.uri.toString());
    return analysis?.version === document.version ? analysis : undefined;
  }

  /** The latest analysis of the document, whatever its version. */
  latest(document: vscode.TextDocument): DocumentAnalysis | undefined {
    return this.analyser.get(document.uri.toString());
  }

  verdict(document: vscode.TextDocument): AnalysisVerdict {
    return analysisVerdict({ languageId: document.languageId, scheme: document.uri.scheme, characters: documentLength(document) }, this.settings.current);
  }

  /**
   * The complete analysis of the document's current version, asked for by the user: runs even
   * for a language or scheme not analysed automatically, but never for a document over the size limit.
   */
  async complete(document: vscode.TextDocument): Promise<DocumentAnalysis> {
    const verdict = this.verdict(document);
    if (!verdict.analyse && verdict.reason === 'too-large') throw new Error(verdict.message);
    this.cancelledByUser.delete(document.uri.toString());
    this.withNotification.add(document.uri.toString());
    return this.analyser.analyse(this.analysed(document));
  }

  dispose(): void {
    clearTimeout(this.scrollTimer);
    this.subscriptions.forEach((s) => s.dispose());
    this.analyser.dispose();
  }

  private analyseVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.consider(editor.document, 0);
  }

  /** Schedules an analysis when the settings allow it; a too-long document gets one message instead. */
  private consider(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    const verdict = this.verdict(document);
    if (!verdict.analyse) {
      this.analyser.cancel(key);
      if (verdict.reason === 'too-large' && !this.toldTooLarge.has(key)) {
        this.toldTooLarge.add(key);
        void vscode.window
          .showInformationMessage(`Transformer Factors: ${fileName(document)}: ${verdict.message}.`, 'Open Settings')
          .then((choice) => choice && SettingsService.open('maxDocumentCharacters'));
      }
      return;
    }
    if (this.cancelledByUser.get(key) === document.version) return;
    this.cancelledByUser.delete(key);
    if (!this.analyser.get(key)) this.withNotification.add(key);
    this.analyser.schedule(this.analysed(document), delayMs);
  }

  private analysed(document: vscode.TextDocument): AnalysedDocument {
    return {
      key: document.uri.toString(),
      version: document.version,
      text: () => document.getText(),
      priority: () => visibleRange(document),
    };
  }

  private onScroll(editor: vscode.TextEditor): void {
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => {
      const analysis = this.current(editor.document);
      if (analysis?.state === 'running') this.analyser.reprioritise(this.analysed(editor.document));
    }, SCROLL_SETTLE_MS);
  }

  /** A first analysis that runs long shows a notification with progress and a Cancel button. */
  private showLongRun(analysis: DocumentAnalysis): void {
    if (analysis.state !== 'running' || !this.withNotification.has(analysis.key) || performance.now() - analysis.started < LONG_RUN_MS) return;
    this.withNotification.delete(analysis.key);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === analysis.key);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Transformer Factors: decomposing ${document ? fileName(document) : 'the document'}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          let reported = 0;
          const update = (current: DocumentAnalysis) => {
            if (current !== analysis) return;
            const partial = current.partial;
            if (partial && partial.tokens.length) {
              const percent = (100 * partial.tokensDone) / partial.tokens.length;
              progress.report({ increment: percent - reported, message: `${partial.tokensDone.toLocaleString('en-US')} of ${partial.tokens.length.toLocaleString('en-US')} tokens` });
              reported = percent;
            }
            if (current.state === 'running') return;
            // A run stopped by an edit hands its notification on to the run of the new version.
            if (current.state === 'cancelled' && this.cancelledByUser.get(analysis.key) !== analysis.version) this.withNotification.add(analysis.key);
            finish();
          };
          const listener = this.analyser.onDidChange(update);
          const cancel = token.onCancellationRequested(() => {
            this.cancelledByUser.set(analysis.key, analysis.version);
            this.analyser.cancel(analysis.key);
            finish();
          });
          const finish = () => {
            listener.dispose();
            cancel.dispose();
            resolve();
          };
          update(analysis);
        }),
    );
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  }
}

/** The characters shown by the document's first visible editor, from its first to its last visible line. */
function visibleRange(document: vscode.TextDocument): TextRange | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const ranges = editor?.visibleRanges;
  if (!ranges?.length) return undefined;
  return { start: document.offsetAt(ranges[0].start), end: document.offsetAt(ranges[ranges.length - 1].end) };
}

function documentLength(document: vscode.TextDocument): number {
  const last = document.lineAt(document.lineCount - 1);
  return document.offsetAt(last.range.end);
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}
