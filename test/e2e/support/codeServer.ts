// Starts and stops a private code-server (the real VS Code workbench and Node extension host,
// served to a browser) for one suite: fresh user-data, extensions and config folders under
// test-artifacts/e2e/<name>/, bound to 127.0.0.1 on a free port, logs kept beside them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');
export const codeServerBin = join(repoRoot, '.code-server', 'node_modules', '.bin', 'code-server');
export const fixtureWorkspace = join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace');

export interface CodeServer {
  url: string;
  /** The copy of the fixture workspace this server opens (the extension may write to it). */
  workspace: string;
  profileDir: string;
  /** Runs code-server's command line on this profile (e.g. --list-extensions). */
  cli(args: string[]): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Names the profile folder test-artifacts/e2e/<name>. */
  name: string;
  /** .vsix files to install into the fresh extensions folder before starting. */
  install?: string[];
  env?: NodeJS.ProcessEnv;
}

/** XDG folders inside `dir`, so the programs a suite starts keep their state there, not in the user's home. */
export function homeFolders(dir: string): Record<string, string> {
  return { XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CACHE_HOME: join(dir, 'xdg-cache') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was healthy`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server at ${url} not healthy after ${timeoutMs} ms`);
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  if (!existsSync(codeServerBin)) throw new Error(`no code-server at ${codeServerBin}: run scripts/e2e/install-code-server.sh`);
  const profileDir = join(artifactsDir, options.name);
  rmSync(profileDir, { recursive: true, force: true });
  const userData = join(profileDir, 'user-data');
  const extensions = join(profileDir, 'extensions');
  const workspace = join(profileDir, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  // A new profile otherwise opens a walkthrough and a trust dialog that swallow keystrokes.
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'window.restoreWindows': 'none',
    // The workspace copy lies inside this repository: keep Git's "open the parent repository?" prompt away.
    'git.enabled': false,
  }, null, 2));
  const config = join(profileDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, ...homeFolders(profileDir), ...options.env };
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  const cli = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(codeServerBin, [...common, ...args], { env, encoding: 'utf8' });
  for (const vsix of options.install ?? []) {
    const result = cli(['--force', '--install-extension', vsix]);
    if (result.status !== 0 || /failed|error/i.test(result.stderr)) {
      throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(profileDir, 'code-server.log'));
  // Its own process group, so stopping it also ends the file watchers and extension hosts it starts.
  const child = spawn(codeServerBin, [
    ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-file-downloads', workspace,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!killed) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  try {
    await waitHealthy(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, workspace, profileDir, cli, stop };
}
