// Runs the integration suite in desktop VS Code through @vscode/test-electron, which downloads
// VS Code (version VSCODE_VERSION, default the one code-server 4.100.3 embeds) into
// out/vscode-test. Only for machines that reach VS Code's download host; offline, use
// `npm run test:integration` (code-server). On Linux without a display, run under xvfb-run.
// Run: npm run test:vscode (builds first).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = join(__dirname, '..', '..');
const profile = join(repoRoot, 'test-artifacts', 'e2e', 'electron');

async function main(): Promise<void> {
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const workspace = join(profile, 'workspace');
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    cachePath: join(repoRoot, 'out', 'vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'index.js'),
    launchArgs: [
      workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', join(profile, 'user-data'), '--extensions-dir', join(profile, 'extensions'),
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
