import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { winkModel } from '../src/reading/wink-model.ts';

const require = createRequire(import.meta.url);

describe('wink model', () => {
  it('reads the same core model as the package does', () => {
    const own = require('wink-eng-lite-web-model') as Record<string, unknown>;
    const fast = winkModel(require) as Record<string, unknown>;
    expect(Object.keys(fast).sort()).toEqual(Object.keys(own).sort());
    for (const key of Object.keys(own)) if (key !== 'core' && key !== 'addons') expect(fast[key]).toBe(own[key]);
    expect(fast.addons).toEqual(own.addons);
    const mine = (fast.core as () => unknown)();
    const theirs = (own.core as () => unknown)();
    expect(mine).toEqual(theirs);
    // toEqual does not look at prototypes: the hashes are prototype-free in both.
    const hashes = (m: unknown) => {
      const features = (m as { features: Record<string, { hash?: object }> }).features;
      return Object.keys(features).map((f) => (features[f].hash ? Object.getPrototypeOf(features[f].hash) : 'none'));
    };
    expect(hashes(mine)).toEqual(hashes(theirs));
  });

  it('tags a sentence as the package model does', () => {
    const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(t: string): { tokens(): { out(f?: unknown): unknown[] } }; its: { pos: unknown } };
    const a = winkNLP(require('wink-eng-lite-web-model'));
    const b = winkNLP(winkModel(require));
    const text = "Mum was v aggressive towards the social worker's manager; Dr Price's report (12/03/2023) didn't agree.";
    expect(b.readDoc(text).tokens().out(b.its.pos)).toEqual(a.readDoc(text).tokens().out(a.its.pos));
    expect(b.readDoc(text).tokens().out()).toEqual(a.readDoc(text).tokens().out());
  });
});
