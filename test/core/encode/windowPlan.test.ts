import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planWindows } from '../../../src/core/encode/windowPlan';

const plan = fc.record({
  count: fc.integer({ min: 0, max: 2000 }),
  maxLength: fc.integer({ min: 8, max: 200 }),
  context: fc.integer({ min: 0, max: 40 }),
  endRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: fc.integer(),
});

function endsFor(count: number, rate: number, seed: number): boolean[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, (_, i) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return i === count - 1 || state / 2 ** 32 < rate;
  });
}

test('own ranges tile every token exactly once, in order, inside windows no longer than maxLength', () => {
  fc.assert(fc.property(plan, ({ count, maxLength, context, endRate, seed }) => {
    const windows = planWindows(count, endsFor(count, endRate, seed), { maxLength, context });
    let next = 0;
    for (const w of windows) {
      assert.equal(w.ownStart, next);
      assert.ok(w.ownEnd > w.ownStart);
      assert.ok(w.start <= w.ownStart && w.ownEnd <= w.end && w.end <= count);
      assert.ok(w.end - w.start <= maxLength, `window of ${w.end - w.start} > ${maxLength}`);
      next = w.ownEnd;
    }
    assert.equal(next, count);
  }));
});

test('own ranges end at sentence ends whenever a sentence end lies within reach', () => {
  fc.assert(fc.property(plan, ({ count, maxLength, context, endRate, seed }) => {
    const ends = endsFor(count, endRate, seed);
    const windows = planWindows(count, ends, { maxLength, context });
    if (count <= maxLength) return;
    for (const w of windows) {
      if (ends[w.ownEnd - 1]) continue;
      // A cut mid-sentence is allowed only when no sentence end lies inside the own range.
      for (let i = w.ownStart; i < w.ownEnd; i++) assert.equal(ends[i], false, `cut at ${w.ownEnd} although a sentence ends at ${i + 1}`);
    }
  }));
});

test('a short text is one window; a long one gets context on both sides', () => {
  assert.deepEqual(planWindows(50, Array(50).fill(false), { maxLength: 128, context: 16 }), [{ start: 0, end: 50, ownStart: 0, ownEnd: 50 }]);
  assert.deepEqual(planWindows(0, [], { maxLength: 128, context: 16 }), []);
  const windows = planWindows(1000, Array(1000).fill(false), { maxLength: 128, context: 16 });
  const middle = windows[3];
  assert.equal(middle.ownStart - middle.start, 16);
  assert.equal(middle.end - middle.ownEnd, 16);
  assert.equal(middle.ownEnd - middle.ownStart, 96);
});

test('left context starts at a sentence start when one lies inside the context span', () => {
  const ends = Array(400).fill(false);
  ends[89] = true; // a sentence ends after token 89, so one starts at 90
  ends[95] = true;
  const windows = planWindows(400, ends, { maxLength: 128, context: 16 });
  assert.equal(windows[0].ownEnd, 96);
  assert.equal(windows[1].start, 90);
});
