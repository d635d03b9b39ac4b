import * as vscode from 'vscode';
import { LruMap } from '../analysis/lruMap';
import { COMMANDS, HOVER_LINK_COMMANDS } from '../commands/commandIds';
import type { PartialDecomposition } from '../engine/partialDecomposition';
import { tokenAtOffset } from '../../core/tokenize/tokenAtOffset';
import { factorNamer, type FactorNames } from '../state/factorLabels';
import type { Services } from '../state/services';
import { hoverContent } from './hoverContent';

/** Hovers kept, so hovering again over a token of the same document version is instant. */
const CACHED_HOVERS = 200;

/**
 * For the token under the pointer: each layer's strongest factors with bars, labels (the user's
 * first), how much of the hidden state they reconstruct, and links that highlight or open a
 * factor. The Markdown is trusted for those two commands only.
 */
export class FactorHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly cache = new LruMap<string, vscode.Hover>(CACHED_HOVERS);
  private readonly subscriptions: vscode.Disposable[];
  private names: Promise<(factor: number) => FactorNames> | undefined;

  constructor(private readonly services: Services) {
    const forget = () => {
      this.cache.clear();
      this.names = undefined;
    };
    this.subscriptions = [
      services.engine.onDidChange(forget),
      services.dictionaries.notes.onDidChange(forget),
      services.settings.onDidChange(({ changed }) => changed.has('factorsShown') && forget()),
    ];
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = this.services.analysis.current(document);
    const partial = analysis?.partial;
    const offset = document.offsetAt(position);
    if (!partial || !partial.has(Math.max(0, tokenAtOffset(partial.tokens, offset)))) {
      return analysis?.state === 'running' ? new vscode.Hover(analysingMessage(partial)) : undefined;
    }
    const token = tokenAtOffset(partial.tokens, offset);
    const key = `${analysis.key}@${analysis.version}:${analysis.generation}#${token}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.names ??= factorNamer(this.services).then((namer) => namer.name);
    const content = hoverContent(partial, offset, {
      factorsShown: this.services.settings.current.factorsShown,
      name: await this.names,
      commands: { highlight: COMMANDS.highlightFactor, openFactor: COMMANDS.openFactor },
    });
    if (!content) return undefined;
    const markdown = new vscode.MarkdownString(content.markdown);
    markdown.isTrusted = { enabledCommands: [...HOVER_LINK_COMMANDS] };
    const { start, end } = partial.tokens[content.token];
    const hover = new vscode.Hover(markdown, new vscode.Range(document.positionAt(start), document.positionAt(end)));
    this.cache.set(key, hover);
    return hover;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

function analysingMessage(partial: PartialDecomposition | undefined): vscode.MarkdownString {
  const percent = partial && partial.tokens.length ? ` (${Math.floor((100 * partial.tokensDone) / partial.tokens.length)}%)` : '';
  return new vscode.MarkdownString(`**Transformer Factors** · decomposing this document${percent}…`);
}
