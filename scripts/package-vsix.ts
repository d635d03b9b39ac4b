// Packages the production build as transformer-factors.vsix for one platform (default: this
// machine's). esbuild bundles everything but a few packages that must stay files on disk
// (native binaries, data); this script finds those from the bundles' own require() calls,
// copies them and their production dependencies into a staging folder with only the target
// platform's native binaries, and runs vsce there. Why a staging folder: vsce either ships
// every production dependency (the bundled ones too, and all platforms' ONNX Runtime builds,
// ~300 MB) or none; in the staging folder the manifest declares only what actually ships.
// Usage: tsx scripts/package-vsix.ts [--target linux-x64] [--out transformer-factors.vsix]
// Run after `node esbuild.mjs --production` (`npm run package` does both).
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const target = arg('target', `${process.platform}-${process.arch}`);
const outFile = resolve(root, arg('out', 'transformer-factors.vsix'));
const stage = join(root, 'out', 'vsix-stage');
const bundles = readdirSync(join(root, 'out')).filter((f) => f.endsWith('.js')).map((f) => join('out', f));

type Manifest = { name: string; version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> } & Record<string, unknown>;
const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Packages the bundles load at run time: require("x"), require.resolve("x/…") or import("x") left by esbuild. */
function externalPackages(files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    const code = readFileSync(join(root, file), 'utf8');
    for (const match of code.matchAll(/(?:require(?:\.resolve)?|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const parts = match[1].split('/');
      const name = match[1].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (name !== 'vscode' && !name.startsWith('node:') && !builtinModules.includes(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Declared dependencies that Node never loads: @huggingface/transformers' Node build carries its
 * own copy of the ONNX Runtime web glue and runs models on onnxruntime-node (136 MB saved).
 */
const NEVER_LOADED_IN_NODE = new Set(['onnxruntime-web']);

/** Node's lookup of `name` from `fromDir`: the nearest node_modules/name above it. */
function findPackage(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Whether a package's npm `os` / `cpu` fields (when present) admit the target platform. */
function runsOnTarget(manifest: Manifest): boolean {
  const [platform, arch] = target.split('-');
  const admits = (list: unknown, value: string): boolean => !Array.isArray(list) ||
    (list.includes(value) || (list.some((v: string) => v.startsWith('!')) && !list.includes(`!${value}`)));
  return admits(manifest.os, platform) && admits(manifest.cpu, arch);
}

/** The package folders (relative to the repository) of `names` and all their production dependencies. */
function dependencyClosure(names: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const dir = findPackage(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} (needed at run time) is not installed: run npm ci`);
    }
    const rel = relative(root, dir);
    if (found.has(rel)) return;
    const manifest = readManifest(dir);
    // Platform builds shipped as optional packages (sharp's @img/sharp-linux-x64 …) declare npm's os/cpu.
    if (optional && !runsOnTarget(manifest)) return;
    found.add(rel);
    for (const dep of Object.keys(manifest.dependencies ?? {})) if (!NEVER_LOADED_IN_NODE.has(dep)) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, root, false);
  return [...found].sort();
}

/** Native binaries for other platforms (ONNX Runtime ships all of them as bin/napi-vN/<platform>/<arch>). */
function isOtherPlatformBinary(relPath: string): boolean {
  const match = relPath.split(sep).join('/').match(/\/bin\/napi-v\d+\/([^/]+)\/([^/]+)(\/|$)/);
  return match !== null && `${match[1]}-${match[2]}` !== target;
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

const manifest = readManifest(root);
const externals = externalPackages(bundles);
const packages = dependencyClosure(externals);
for (const pkg of packages) {
  cpSync(join(root, pkg), join(stage, pkg), {
    recursive: true,
    // Nested node_modules are copied as packages of their own when they are dependencies.
    filter: (src) => !relative(join(root, pkg), src).split(sep).includes('node_modules') && !isOtherPlatformBinary(relative(root, src)),
  });
}
// The staged copies stop declaring what they never load, so vsce's `npm list` check agrees.
for (const pkg of packages) {
  const staged = readManifest(join(stage, pkg));
  const unused = Object.keys(staged.dependencies ?? {}).filter((dep) => NEVER_LOADED_IN_NODE.has(dep));
  if (unused.length === 0) continue;
  for (const dep of unused) delete staged.dependencies![dep];
  writeFileSync(join(stage, pkg, 'package.json'), JSON.stringify(staged, null, 2) + '\n');
}
for (const pkg of packages) {
  const bin = join(stage, pkg, 'bin');
  const napi = existsSync(bin) ? readdirSync(bin).filter((d) => /^napi-v\d+$/.test(d)) : [];
  for (const dir of napi) {
    if (!existsSync(join(bin, dir, ...target.split('-')))) throw new Error(`${pkg} has no native build for ${target}`);
  }
}
for (const file of bundles) cpSync(join(root, file), join(stage, file));
cpSync(join(root, 'media'), join(stage, 'media'), { recursive: true, filter: (src) => !src.endsWith('.map') });
for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) {
  if (existsSync(join(root, file))) cpSync(join(root, file), join(stage, file));
}
// The shipped manifest declares only the packages that ship; the rest is inside the bundles.
const { devDependencies: _dev, scripts: _scripts, ...shipped } = manifest;
shipped.dependencies = Object.fromEntries(externals.map((name) => [name, manifest.dependencies?.[name] ?? readManifest(join(root, 'node_modules', name)).version]));
writeFileSync(join(stage, 'package.json'), JSON.stringify(shipped, null, 2) + '\n');

const vsce = spawnSync(join(root, 'node_modules', '.bin', 'vsce'), [
  'package', '--target', target, '--out', outFile,
  '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links',
], { cwd: stage, stdio: 'inherit' });
if (vsce.status !== 0) process.exit(vsce.status ?? 1);
rmSync(stage, { recursive: true, force: true });
const megabytes = (statSync(outFile).size / 2 ** 20).toFixed(1);
console.log(`${relative(root, outFile)}: ${megabytes} MB for ${target}; run-time packages: ${packages.map((p) => p.replace(/^node_modules\//, '')).join(', ')}`);
