// The factor panel's page (see src/extension/panel): the document view, the factor dashboard,
// attribution and workspace search. Controls are @vscode-elements/elements web components,
// bundled here by esbuild; no code or style is fetched from anywhere else.
import { App } from './app';
import { vscode } from './vscodeApi';

async function start(): Promise<void> {
  // Dynamic imports because the components are ES modules; esbuild inlines them into the bundle.
  await Promise.all([
    import('@vscode-elements/elements/dist/vscode-button/index.js'),
    import('@vscode-elements/elements/dist/vscode-collapsible/index.js'),
    import('@vscode-elements/elements/dist/vscode-option/index.js'),
    import('@vscode-elements/elements/dist/vscode-progress-bar/index.js'),
    import('@vscode-elements/elements/dist/vscode-single-select/index.js'),
    import('@vscode-elements/elements/dist/vscode-tab-header/index.js'),
    import('@vscode-elements/elements/dist/vscode-tab-panel/index.js'),
    import('@vscode-elements/elements/dist/vscode-tabs/index.js'),
  ]);
  const root = document.getElementById('root');
  if (root) new App(root, vscode);
}

void start();
