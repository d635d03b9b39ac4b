import * as vscode from 'vscode';
import { factorArgs } from '../dictionaries/factorArgs';
import type { Services } from '../state/services';
import { COMMANDS } from './commandIds';
import { factorMarkdown } from './factorMarkdown';

const SCHEME = 'transformer-factors';

/**
 * `transformerFactors.openFactor`: shows a factor's catalog entry (labels, words, statistics per
 * layer, strongest examples) as a Markdown preview of a read-only virtual document.
 */
export function registerOpenFactor(context: vscode.ExtensionContext, services: Services): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const query = new URLSearchParams(uri.query);
      const factor = Number(query.get('factor'));
      const entry = services.registry.get(query.get('dictionary') ?? '') ?? services.engine.activeEntry();
      if (!entry) return '# Transformer Factors\n\nNo dictionary is active.\n';
      const catalog = await services.engine.catalog(entry);
      if (!catalog) return `# Factor ${factor}\n\nDictionary ${entry.name} has no factor catalog, so there is nothing to show about its factors.\n`;
      const details = await services.dictionaries.catalogs.details(entry, factor);
      return factorMarkdown(catalog, factor, details, { layer: query.get('layer') ?? undefined, note: services.dictionaries.notes.get(entry.id, factor) });
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    services.dictionaries.notes.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === SCHEME) changed.fire(document.uri);
    }),
    vscode.commands.registerCommand(COMMANDS.openFactor, async (arg?: unknown) => {
      const args = factorArgs(arg) ?? (await services.dictionaries.pickActiveFactor());
      if (!args) return;
      const dictionaryId = factorArgs(arg)?.dictionaryId ?? services.engine.activeEntry()?.id ?? '';
      const layer = factorArgs(arg)?.layer;
      // The active dictionary's factors open on the factor panel's dashboard; others as a Markdown page.
      if (dictionaryId === services.engine.activeEntry()?.id) {
        await vscode.commands.executeCommand('transformerFactors.openPanel', { factor: args.factor, ...(layer ? { layer } : {}) });
        return;
      }
      const query = new URLSearchParams({ factor: String(args.factor), dictionary: dictionaryId, ...(layer ? { layer } : {}) });
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/factor-${args.factor}.md`, query: query.toString() });
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => {
        // Without the built-in Markdown extension, show the Markdown source instead.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
      });
    }),
  );
}
