import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FactorCatalog } from '../../../src/core/catalog/catalog';
import { catalogSummary } from '../../../src/core/catalog/catalogSummary';
import { factorDetails } from '../../../src/core/catalog/factorDetails';
import { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';
import { dashboardView, exampleAt, exampleWindow } from '../../../src/extension/panel/dashboardPayload';
import { factorHighlights, pinChanges, strongestHighlights, tokenDetails, tokenFactors } from '../../../src/extension/panel/documentPayloads';
import { PinnedPlace, shiftRange } from '../../../src/extension/panel/pinnedRange';

// Three tokens, two layers; token 2 is not decomposed yet.
function partial(): PartialDecomposition {
  const text = 'one two three';
  const p = new PartialDecomposition(text, [{ id: 1, text: 'one', start: 0, end: 3 }, { id: 2, text: 'two', start: 4, end: 7 }, { id: 3, text: 'three', start: 8, end: 13 }], ['a', 'b']);
  const rows = (offsets: number[], indices: number[], values: number[]) => ({ offsets: Uint32Array.from(offsets), indices: Uint32Array.from(indices), values: Float32Array.from(values) });
  p.add({ tokenStart: 0, tokenEnd: 2, codes: [rows([0, 2, 3], [5, 7, 5], [1, 0.5, 2]), rows([0, 1, 2], [9, 7], [0.25, 4])], relativeResiduals: [Float32Array.from([0.1, 0.2]), Float32Array.from([0.3, 0.4])] });
  return p;
}
const name = (id: number) => `f${id}`;

describe('document view messages', () => {
  it('scales one factor’s activations by the catalog’s largest coefficient, else the document’s', () => {
    assert.deepEqual(factorHighlights(partial(), 0, 5, name, 4).values, [0.25, 0.5, 0]);
    const own = factorHighlights(partial(), 0, 5, name);
    assert.deepEqual(own.values, [0.5, 1, 0]);
    assert.equal(own.scale, 2);
    assert.equal(own.done, 2);
    assert.equal(own.total, 3);
  });

  it('colours each token by its strongest factor with a legend by token count', () => {
    const h = strongestHighlights(partial(), 0, name, -1);
    assert.deepEqual(h.colors, [0, 0, -1]);
    assert.deepEqual(h.legend, [{ id: 5, label: 'f5', color: 0, tokens: 2 }]);
    assert.deepEqual(h.values, [0.5, 1, 0]);
    const b = strongestHighlights(partial(), 1, name, 7);
    assert.deepEqual(b.legend.map((e) => e.id), [7, 9], 'one token each: lower id first');
    assert.equal(b.factorLabel, 'f7');
  });

  it('lists a token’s factors per layer, strongest first, with the rest counted', () => {
    const d = tokenDetails(partial(), 0, 1, name);
    assert.equal(d.text, 'one');
    assert.deepEqual(d.layers.map((l) => [l.layer, l.factors.map((f) => f.id), l.more]), [['a', [5], 1], ['b', [9], 0]]);
    assert.ok(Math.abs(d.layers[1].relativeResidual! - 0.3) < 1e-6);
    assert.equal(tokenFactors(partial(), 2), undefined, 'not decomposed yet');
  });

  it('reports factors gained, lost and changed between two decompositions of a pinned token', () => {
    const before = [[{ id: 1, coefficient: 1 }, { id: 2, coefficient: 0.5 }, { id: 3, coefficient: 0.2 }], []];
    const after = [[{ id: 1, coefficient: 1.0000001 }, { id: 2, coefficient: 0.9 }, { id: 4, coefficient: 0.3 }], [{ id: 8, coefficient: 1 }]];
    const changes = pinChanges(['a', 'b'], before, after, name);
    assert.deepEqual(changes[0], { layer: 'a', gained: [{ id: 4, label: 'f4', coefficient: 0.3 }], lost: [{ id: 3, label: 'f3', coefficient: 0.2 }], changed: [{ id: 2, label: 'f2', before: 0.5, after: 0.9 }] });
    assert.deepEqual(changes[1].gained.map((f) => f.id), [8]);
  });
});

describe('pinned token through edits', () => {
  it('shifts with edits before it, stays for edits after it, and follows a rewrite of itself', () => {
    const token = { start: 10, end: 14 };
    assert.deepEqual(shiftRange(token, [{ offset: 0, length: 0, text: 'abc' }]), { start: 13, end: 17 });
    assert.deepEqual(shiftRange(token, [{ offset: 2, length: 5, text: '' }]), { start: 5, end: 9 });
    assert.deepEqual(shiftRange(token, [{ offset: 20, length: 3, text: 'xyz!' }]), token);
    assert.deepEqual(shiftRange(token, [{ offset: 11, length: 2, text: 'ZZZZ' }]), { start: 10, end: 16 });
    // Two changes of one event, both relative to the text before it.
    assert.deepEqual(shiftRange(token, [{ offset: 0, length: 1, text: '' }, { offset: 16, length: 0, text: 'tail' }]), { start: 9, end: 13 });
  });
});

describe('dashboard content', () => {
  const catalog = {
    formatVersion: 1, dictionary: { name: 'd', sha256: '' }, model: 'm', layers: ['a', 'b'], atomCount: 2, lambda: 0.1,
    corpus: { name: 'c', texts: 1, tokens: 10 }, importanceTopN: 5,
    texts: [`${'word '.repeat(40)}the bank of the river ${'more '.repeat(40)}`],
    factors: [{
      id: 0, label: 'bank', labelKind: 'word', purity: 0.9, topWords: [{ word: 'bank', count: 3 }], topTags: [], cooccurring: [{ id: 1, share: 0.5 }],
      layers: [
        { activeFraction: 0.01, importance: 1, maxCoefficient: 2, histogram: [3, 2, 1], top: [{ text: 0, start: 204, end: 208, coefficient: 2 }], intervals: [{ from: 0.25, to: 0.5, examples: [{ text: 0, start: 204, end: 208, coefficient: 0.7 }] }] },
        { activeFraction: 0, importance: 0, maxCoefficient: 0, histogram: [0, 0, 0], top: [], intervals: [] },
      ],
    }, { id: 1, label: 'the', labelKind: 'word', purity: 0.5, topWords: [], topTags: [], cooccurring: [], layers: [] }],
  } as unknown as FactorCatalog;
  const summary = catalogSummary(catalog);
  const details = factorDetails(catalog, 0)!;

  it('shows the factor’s labels, statistics per layer, examples by interval and co-occurring factors', () => {
    const view = dashboardView(summary, details, 0, { label: 'money bank', note: '' }, name)!;
    assert.equal(view.userLabel, 'money bank');
    assert.equal(view.userNote, undefined);
    assert.deepEqual(view.layers.map((l) => [l.name, l.importance]), [['a', 1], ['b', 0]]);
    assert.equal(view.top.length, 1);
    assert.equal(view.top[0].text.slice(view.top[0].start, view.top[0].end), 'bank');
    assert.ok(view.top[0].text.length < 200 && !view.top[0].text.startsWith(' '));
    assert.deepEqual(view.intervals.map((i) => [i.from, i.examples.length]), [[0.25, 1]]);
    assert.deepEqual(view.cooccurring, [{ id: 1, label: 'f1', share: 0.5 }]);
    assert.equal(view.factor, 0);
    assert.equal(dashboardView(summary, factorDetails(catalog, 5), 0, {}, name), undefined);
  });

  it('finds the example a reference names, and nothing for a reference out of range', () => {
    assert.equal(exampleAt(details, { factor: 0, layer: 0, interval: 0, index: 0 })?.coefficient, 0.7);
    assert.equal(exampleAt(details, { factor: 0, layer: 0, interval: -1, index: 3 }), undefined);
    assert.equal(exampleAt(details, { factor: 0, layer: 1, interval: 2, index: 0 }), undefined);
    assert.equal(exampleAt(details, { factor: 1, layer: 0, interval: 0, index: 0 }), undefined, 'another factor’s reference');
    const window = exampleWindow(details, { text: 0, start: 0, end: 4, coefficient: 1 });
    assert.equal(window.text.slice(window.start, window.end), 'word');
  });
});

describe('pinned token place by document version', () => {
  it('answers for the version an analysis is of, even after later edits', () => {
    const place = new PinnedPlace(3, 10, 14);
    place.edit(4, [{ offset: 0, length: 0, text: 'ab' }]);
    place.edit(5, [{ offset: 0, length: 0, text: 'c' }]);
    assert.deepEqual(place.at(3), { start: 10, end: 14 });
    assert.deepEqual(place.at(4), { start: 12, end: 16 });
    assert.deepEqual(place.at(5), { start: 13, end: 17 });
    assert.equal(place.at(2), undefined, 'before the pin');
    assert.equal(place.editsUntil(5), 2);
    place.edit(5, [{ offset: 0, length: 0, text: 'ignored: not a new version' }]);
    assert.deepEqual(place.at(5), { start: 13, end: 17 });
    for (let v = 6; v < 200; v++) place.edit(v, []);
    assert.equal(place.at(3), undefined, 'old versions are forgotten');
    assert.deepEqual(place.at(199), { start: 13, end: 17 });
  });
});
