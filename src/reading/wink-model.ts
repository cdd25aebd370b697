import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * wink-eng-lite-web-model (1.8) for wink-nlp, with its core model read faster.
 *
 * The package's `core()` takes about 90 ms: its main module `require`s the 3 MB core JSON as it
 * loads, then `core()` copies it whole (`JSON.parse(JSON.stringify(…))`) and decodes two base64
 * tables a character at a time with `atob`. Here the JSON is read and parsed once, and the tables
 * decoded by `Buffer`, which gives the same bytes; the rest (the hashes of the feature lists, the
 * part-of-speech clusters, the packing's sizes) is what the package's `read-core-model.js` and
 * `load-core-model.js` do, in the same order. The other parts of the model are the package's own
 * modules, as its `model.js` puts them together. `test/wink-model.test.ts` holds the result equal
 * to the package's own, so a new version that changes them fails there, and any failure here (a
 * file moved) falls back to the package's model as it is.
 */
export function winkModel(require: NodeRequire): unknown {
  try {
    const dist = dirname(require.resolve('wink-eng-lite-web-model'));
    const part = (name: string) => require(join(dist, name)) as unknown;
    const model = Object.create(null) as Record<string, unknown>;
    model.core = () => readCore(join(dist, 'languages/cur/models/eng-core-web-model.json'));
    model.sbd = part('load-sbd-model.js');
    model.pos = part('load-pos-model.js');
    model.ner = part('load-ner-model.js');
    model.negation = part('load-negation-model.js');
    model.sa = part('load-sa-model.js');
    model.metaCER = part('load-cer-meta-model.js');
    model.featureFn = part('feature.js');
    const addons = Object.create(null) as Record<string, unknown>;
    addons.stem = part('porter-stemmer.js');
    addons.lemmatize = part('lemmatize.js');
    addons.readabilityStats = part('readability-stats.js');
    addons.wordVectors = undefined;
    model.addons = addons;
    return model;
  } catch {
    return require('wink-eng-lite-web-model');
  }
}

type Layout = Record<string, number[]>;
interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Layout; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: (string | Set<number>)[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** The package's read-core-model.js and load-core-model.js, reading the JSON once and decoding base64 with Buffer. */
export function readCore(path: string): CoreModel {
  const model = JSON.parse(readFileSync(path, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = words(model.lexicon as string);
  model.xpansions = words(model.xpansions as string);
  for (const f in packing.layout)
    if (packing.layout[f][3] === 0) {
      const hash = Object.create(null) as Record<string, number>;
      const list = features[f].list;
      for (let k = 0; k < list.length; k++) hash[list[k]] = k;
      features[f].hash = hash;
    }
  const lexemes = Object.create(null) as Record<string, number>;
  for (let k = 0; k < features.lexeme.list.length; k++) lexemes[features.lexeme.list[k]] = k;
  features.lexeme.hash = lexemes;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** A base64 table as 32-bit words, as the package's `new Uint32Array(bufferFromBase64(…))` gives it. */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
  return out;
}
