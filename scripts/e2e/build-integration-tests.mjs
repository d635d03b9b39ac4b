// Bundles the integration suite for the extension host: test/vscode/index.ts → out/test/index.js
// and each test/vscode/suite/*.test.ts → out/test/suite/*.test.js. `vscode` is the editor's
// and mocha must stay one shared instance, so both stay external.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const suite = readdirSync('test/vscode/suite').filter((f) => f.endsWith('.test.ts')).map((f) => `test/vscode/suite/${f}`);
await esbuild.build({
  entryPoints: ['test/vscode/index.ts', ...suite],
  outdir: 'out/test',
  outbase: 'test/vscode',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
