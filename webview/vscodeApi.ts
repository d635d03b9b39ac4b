import type { PanelViewState, WebviewMessage } from '../src/extension/panel/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The editor's handle for this webview; it may be acquired only once per page. */
export const vscode: VsCodeApi = acquireVsCodeApi();
