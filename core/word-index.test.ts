import { describe, expect, it } from 'vitest';
import { bucketRange, collectIds, entryWords, WordIndexBuilder, type WordBucket } from './word-index';

function lookUp(buckets: WordBucket[], prefix: string, limit = Infinity): string[] {
  const { from, to } = bucketRange(prefix);
  const ids = new Set<string>();
  for (const bucket of buckets) {
    if (bucket.bucket < from || bucket.bucket > to) continue;
    if (collectIds(bucket, prefix, ids, limit)) break;
  }
  return [...ids];
}

describe('the word index of an import', () => {
  const builder = new WordIndexBuilder();
  builder.add('e1', entryWords({ terms: [{ lang: 'nl', text: 'Verdrag van Lissabon' }] }));
  builder.add('e2', entryWords({ terms: [{ lang: 'nl', text: 'verdraagzaamheid' }] }));
  builder.add('e3', ['de', 'verdrag', 'energie']);
  builder.add('e4', ['ve']);
  const buckets = builder.buckets();

  it('folds and splits the terms of every language into words, each once', () => {
    expect([
      ...entryWords({
        terms: [
          { lang: 'fr', text: 'Politique énergétique' },
          { lang: 'de', text: 'Energiepolitik, politique' },
        ],
      }),
    ]).toEqual(['politique', 'energetique', 'energiepolitik']);
  });

  it('buckets words by their first three characters, sorted, short words on their own', () => {
    expect(buckets.map((b) => b.bucket)).toEqual(['de', 'ene', 'lis', 'van', 've', 'ver']);
    expect(buckets.find((b) => b.bucket === 'ver')).toEqual({
      bucket: 'ver',
      words: ['verdraagzaamheid', 'verdrag'],
      ids: [['e2'], ['e1', 'e3']],
    });
  });

  it('finds the entries of every word with a prefix, from one bucket or a run of them', () => {
    expect(lookUp(buckets, 'verdrag')).toEqual(['e1', 'e3']);
    expect(lookUp(buckets, 'verdra')).toEqual(['e2', 'e1', 'e3']);
    expect(lookUp(buckets, 've')).toEqual(['e4', 'e2', 'e1', 'e3']);
    expect(lookUp(buckets, 'v')).toEqual(['e1', 'e4', 'e2', 'e3']);
    expect(lookUp(buckets, 'verdragen')).toEqual([]);
    expect(lookUp(buckets, 'x')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(lookUp(buckets, 'v', 2)).toEqual(['e1', 'e4']);
  });

  it('keeps an entry once per word even when added twice', () => {
    const again = new WordIndexBuilder();
    again.add('a', ['markt']);
    again.add('a', ['markt']);
    expect(again.buckets()[0]?.ids).toEqual([['a']]);
  });
});
