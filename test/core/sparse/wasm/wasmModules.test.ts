import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileWat, moduleSource } from '../../../../scripts/wasm/compileWat';
import { WASM_MODULES } from '../../../../scripts/wasm/wasmModules';

test('every generated WebAssembly module holds the bytes of its .wat source (run npm run build:wasm if not)', async () => {
  for (const { wat, module, exportName } of WASM_MODULES) {
    const bytes = await compileWat(wat);
    assert.equal(readFileSync(module, 'utf8'), moduleSource(basename(wat), exportName, bytes), `${basename(module)} is stale`);
    assert.ok(WebAssembly.validate(bytes), `${basename(wat)} validates`);
  }
});
