import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planWindows } from '../../../src/core/encode/windowPlan';
import { priorityOrder, tokenSpanOf } from '../../../src/extension/engine/windowOrder';

test('windows meeting the priority tokens come first, then those after, then those before nearest first', () => {
  const windows = planWindows(1000, Array.from({ length: 1000 }, (_, i) => i % 10 === 9), { maxLength: 128, context: 16 });
  const own = (w: { ownStart: number }) => w.ownStart;
  const ordered = priorityOrder(windows, 450, 520);
  assert.deepEqual([...ordered].sort((a, b) => a.ownStart - b.ownStart), windows, 'every window exactly once');
  const shown = windows.filter((w) => w.ownEnd > 450 && w.ownStart <= 520);
  assert.ok(shown.length >= 1);
  assert.deepEqual(ordered.slice(0, shown.length), shown);
  const after = ordered.slice(shown.length).filter((w) => w.ownStart > 520);
  const before = ordered.slice(shown.length + after.length);
  assert.deepEqual(after.map(own), [...after.map(own)].sort((a, b) => a - b));
  assert.deepEqual(before.map(own), [...before.map(own)].sort((a, b) => b - a));
  assert.ok(before.every((w) => w.ownEnd <= 450));
  assert.deepEqual(priorityOrder(windows, 5000, 6000), windows, 'a range past the end leaves the order');
});

test('tokenSpanOf finds exactly the tokens overlapping a character range', () => {
  fc.assert(fc.property(
    fc.array(fc.tuple(fc.nat(5), fc.nat(6)), { maxLength: 30 }),
    fc.nat(120), fc.nat(40),
    (shape, start, length) => {
      // Tokens in order, with gaps and possibly zero-width ones, as a tokenizer gives them.
      const starts: number[] = [];
      const ends: number[] = [];
      let at = 0;
      for (const [gap, width] of shape) {
        starts.push(at + gap);
        ends.push(at + gap + width);
        at += gap + width;
      }
      const end = start + length;
      const overlapping = starts.map((_, i) => i).filter((i) => ends[i] > start && starts[i] < end);
      const span = tokenSpanOf(starts, ends, start, end);
      assert.deepEqual(span, overlapping.length ? { first: overlapping[0], last: overlapping[overlapping.length - 1] } : undefined);
      if (span) assert.equal(overlapping.length, span.last - span.first + 1, 'contiguous');
    },
  ));
});
