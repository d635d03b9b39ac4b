import * as vscode from 'vscode';
import { ACTIVATION_COLOR_ID, ACTIVATION_LEVELS, STRONGEST_PALETTE, activationBase, bucketBackground, strongestBackground } from './highlightColors';

/**
 * The fixed set of decoration types: one per intensity level, one per palette colour, and one
 * for the few labels written after tokens. Made again only when the colour setting changes.
 */
export class DecorationTypes implements vscode.Disposable {
  readonly levels: vscode.TextEditorDecorationType[];
  readonly palette: vscode.TextEditorDecorationType[];
  readonly labels: vscode.TextEditorDecorationType;

  constructor(colorOverride: string) {
    const base = activationBase(colorOverride);
    const ruler = colorOverride || new vscode.ThemeColor(ACTIVATION_COLOR_ID);
    this.levels = Array.from({ length: ACTIVATION_LEVELS }, (_, i) =>
      vscode.window.createTextEditorDecorationType({
        backgroundColor: bucketBackground(base, i + 1),
        borderRadius: '2px',
        overviewRulerColor: ruler,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    this.palette = STRONGEST_PALETTE.map((colour, i) =>
      vscode.window.createTextEditorDecorationType({
        backgroundColor: strongestBackground(i),
        borderRadius: '2px',
        overviewRulerColor: colour,
        overviewRulerLane: vscode.OverviewRulerLane.Center,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    this.labels = vscode.window.createTextEditorDecorationType({
      after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 0.4em' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }

  all(): vscode.TextEditorDecorationType[] {
    return [...this.levels, ...this.palette, this.labels];
  }

  clear(editor: vscode.TextEditor): void {
    for (const type of this.all()) editor.setDecorations(type, []);
  }

  dispose(): void {
    this.all().forEach((type) => type.dispose());
  }
}
