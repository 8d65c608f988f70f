import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeMessages, type Catalogue } from './merge-messages.ts';
import { en } from './locales/en.ts';
import { sv } from './locales/sv.ts';

describe('mergeMessages', () => {
  it('merges branches of several catalogues deeply', () => {
    const merged = mergeMessages([
      { source: 'a', messages: { errors: { A: 'a' }, a: { title: 'A' } } },
      { source: 'b', messages: { errors: { B: 'b' }, b: { title: 'B' } } },
    ]);
    expect(merged).toEqual({ errors: { A: 'a', B: 'b' }, a: { title: 'A' }, b: { title: 'B' } });
  });

  it('throws on a text defined twice, naming the key and both sources', () => {
    expect(() =>
      mergeMessages([
        { source: 'reports', messages: { common: { save: 'Spara' } } },
        { source: 'fund', messages: { common: { save: 'Spara ansökan' } } },
      ]),
    ).toThrow('Message key "common.save" is defined by both reports and fund');
  });

  it('throws where one catalogue has a text and another a branch under the same key', () => {
    expect(() =>
      mergeMessages([
        { source: 'a', messages: { title: 'Titel' } },
        { source: 'b', messages: { title: { short: 'T' } } },
      ]),
    ).toThrow('Message key "title" is defined by both a and b');
  });
});

describe('the app catalogues', () => {
  // The same files i18n.ts loads: features/<name>/messages.sv.ts and messages.en.ts.
  async function featureCatalogues(lang: 'sv' | 'en') {
    const dir = path.resolve(import.meta.dirname, '../features');
    const found: { source: string; messages: Catalogue }[] = [];
    for (const feature of await readdir(dir)) {
      const file = path.join(dir, feature, `messages.${lang}.ts`);
      const module = (await import(file).catch(() => undefined)) as Record<string, Catalogue> | undefined;
      if (module) found.push({ source: `features/${feature}`, messages: module[lang]! });
    }
    return found;
  }

  it('merge without a collision, in both languages, each feature under its own key', async () => {
    for (const [lang, shared] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const features = await featureCatalogues(lang);
      expect(features.length, lang).toBeGreaterThanOrEqual(8);
      const merged = mergeMessages([{ source: 'shared', messages: shared }, ...features]);
      for (const key of ['report', 'admin', 'login', 'lagesbild', 'promises', 'fund', 'cameras', 'actions']) {
        expect(merged, `${lang}: ${key}`).toHaveProperty(key);
      }
    }
  });
});
