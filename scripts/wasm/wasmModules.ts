import { join } from 'node:path';

const dir = join(__dirname, '..', '..', 'src', 'core', 'sparse', 'wasm');

/** Every WebAssembly kernel: its text source, the generated module and the constant it exports. */
export const WASM_MODULES = [
  { wat: join(dir, 'gradient.wat'), module: join(dir, 'gradientModule.ts'), exportName: 'GRADIENT_WASM_BASE64' },
];
