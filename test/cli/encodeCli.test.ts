import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNpy } from '../../src/core/io/npy';
import { bundledModelDir } from '../../src/core/model/bundledModel';
import { OnnxEncoder } from '../../src/core/model/onnxEncoder';

const root = join(__dirname, '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'out', 'cli.js'), ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'cli-'));

test('encode --json prints the model, layers, hidden size and tokens with offsets into the input', () => {
  const text = 'Crème brûlée,\r\n\tthen 😀 coffee.';
  const run = cli('encode', '--text', text, '--json');
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { model: string; layers: string[]; hiddenSize: number; tokens: Array<{ text: string; start: number; end: number }> };
  assert.equal(out.model, 'use-lite');
  assert.deepEqual(out.layers, ['embed', 'L0.attn', 'L0.ffn', 'L1.attn', 'L1.ffn']);
  assert.equal(out.hiddenSize, 512);
  assert.ok(out.tokens.length >= 6);
  for (const t of out.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(out.tokens.some((t) => t.text === '😀'));
});

test('encode --states writes each layer as a float32 .npy equal to the encoder’s own output', async () => {
  const file = join(dir, 'in.txt');
  writeFileSync(file, 'The river bank was steep. The bank raised its rates.');
  const states = join(dir, 'states');
  const run = cli('encode', '--file', file, '--json', '--states', states);
  assert.equal(run.status, 0, run.stderr);
  const tokens = (JSON.parse(run.stdout) as { tokens: Array<{ id: number }> }).tokens;
  const encoder = await OnnxEncoder.load(bundledModelDir());
  const [direct] = await encoder.run([tokens.map((t) => t.id)]);
  encoder.info.layers.forEach((layer, i) => {
    const npy = readNpy(join(states, `${layer}.npy`));
    assert.deepEqual(npy.shape, [tokens.length, 512]);
    assert.deepEqual(Array.from(npy.data), Array.from(direct[i]));
  });
  await encoder.dispose();
});

test('errors print one line naming the problem and exit non-zero', () => {
  const binary = join(dir, 'blob.bin');
  writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, ' \n\t ');
  const cases: Array<[string[], RegExp]> = [
    [['encode', '--file', join(dir, 'missing.txt')], /missing\.txt: no such file/],
    [['encode', '--file', binary], /looks binary/],
    [['encode', '--file', empty], /is empty/],
    [['encode', '--text', ''], /is empty/],
    [['encode'], /give the input as --text/],
    [['encode', '--unknown'], /Unknown option '--unknown'/],
    [['nonsense'], /unknown command "nonsense"/],
  ];
  for (const [args, message] of cases) {
    const run = cli(...args);
    assert.notEqual(run.status, 0, args.join(' '));
    assert.equal(run.stdout, '');
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${run.stderr}`);
  }
});

test('`npm run --silent cli` prints only the command’s output', () => {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'encode', '--text', 'Hello there.', '--json'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as { model: string }).model, 'use-lite');
});
