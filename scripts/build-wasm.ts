// Assembles the WebAssembly kernels (src/core/sparse/wasm/*.wat) into TypeScript modules that
// hold their bytes. The generated modules are committed; a unit test fails if they are stale.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WASM_MODULES } from './wasm/wasmModules';
import { compileWat, moduleSource } from './wasm/compileWat';

(async () => {
  for (const { wat, module, exportName } of WASM_MODULES) {
    const bytes = await compileWat(wat);
    writeFileSync(module, moduleSource(basename(wat), exportName, bytes));
    console.log(`wasm: ${basename(wat)} → ${basename(module)} (${bytes.length} bytes)`);
  }
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
