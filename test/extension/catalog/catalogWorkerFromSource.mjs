// Runs the catalog worker from its TypeScript source in tests (the extension runs the bundle).
import { register } from 'tsx/esm/api';

register();
await import('../../../src/extension/catalog/catalogWorker.ts');
