import * as vscode from 'vscode';
import type { HighlightMode } from '../highlight/highlightMode';

/**
 * What the user is looking at, shared by highlights, hover, status bar and commands: the layer
 * (empty: the `transformerFactors.layer` setting, else the dictionary's last layer) and the
 * highlight mode. Kept for the session; the setting gives the starting layer.
 */
export class ViewState implements vscode.Disposable {
  private chosenLayer = '';
  private currentMode: HighlightMode | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get layer(): string {
    return this.chosenLayer;
  }

  get mode(): HighlightMode | undefined {
    return this.currentMode;
  }

  setLayer(layer: string): void {
    if (layer === this.chosenLayer) return;
    this.chosenLayer = layer;
    this.changed.fire();
  }

  setMode(mode: HighlightMode | undefined): void {
    this.currentMode = mode;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
