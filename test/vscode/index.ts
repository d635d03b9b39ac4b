// The integration suite's entry, bundled to out/test/index.js: the @vscode/test-electron
// contract (a module exporting run()), loaded by the editor's extension host, which then runs
// every out/test/suite/*.test.js with mocha. Run by test/vscode/runInCodeServer.ts (here) or
// test/vscode/runTestElectron.ts (desktop VS Code, on machines that can download it).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000 });
  const suiteDir = join(__dirname, 'suite');
  const files = readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no integration tests in ${suiteDir}`));
  for (const file of files) mocha.addFile(join(suiteDir, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
