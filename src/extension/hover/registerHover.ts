import * as vscode from 'vscode';
import type { Services } from '../state/services';
import { FactorHoverProvider } from './hoverProvider';

/** Schemes of documents that can be analysed: files (local or remote) and unsaved documents. */
const HOVER_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/** The factor hover (it answers only where a decomposition exists). */
export function registerHover(context: vscode.ExtensionContext, services: Services): void {
  const provider = new FactorHoverProvider(services);
  context.subscriptions.push(provider, vscode.languages.registerHoverProvider(HOVER_SCHEMES.map((scheme) => ({ scheme })), provider));
}
