import * as vscode from 'vscode';
import type { Services } from '../state/services';
import { FactorHoverProvider } from './hoverProvider';

/** The factor hover, for every document (it answers only where a decomposition exists). */
export function registerHover(context: vscode.ExtensionContext, services: Services): void {
  const provider = new FactorHoverProvider(services);
  context.subscriptions.push(provider, vscode.languages.registerHoverProvider('*', provider));
}
