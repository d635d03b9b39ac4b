import * as vscode from 'vscode';
import type { Services } from '../state/services';
import { registerHighlightCommands } from './highlightCommands';
import { HighlightPainter } from './highlightPainter';

/** Factor and strongest-factor highlights, layer choice and navigation between activations. */
export function registerHighlights(context: vscode.ExtensionContext, services: Services): void {
  const painter = new HighlightPainter(services);
  context.subscriptions.push(
    painter,
    ...registerHighlightCommands(services, painter),
    // The navigation keys (alt+] / alt+[) apply only while something is highlighted.
    services.view.onDidChange(() => void vscode.commands.executeCommand('setContext', 'transformerFactors.highlighting', !!services.view.mode)),
  );
}
