/* eslint-disable @typescript-eslint/no-require-imports */
// Runs the model worker's TypeScript source in a worker thread, as the bundled modelWorker.js runs in the editor.
require('tsx/cjs');
require('../../../../src/extension/models/modelWorker.ts');
