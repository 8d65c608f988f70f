import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { sv } from './locales/sv.ts';
import { mergeMessages, type Catalogue } from './merge-messages.ts';
import { featureMessages } from '../app/feature-routes.tsx';

/**
 * One convention: the shell's texts are in `shared/locales/`, each feature's in
 * `features/<name>/messages.sv.ts` and `messages.en.ts` under its own top-level key. They are
 * found at build time and merged so that a key defined twice fails at start instead of one
 * feature overwriting another's text.
 */
const svFiles = import.meta.glob<{ sv: Catalogue }>('../features/*/messages.sv.ts', { eager: true });
const enFiles = import.meta.glob<{ en: Catalogue }>('../features/*/messages.en.ts', { eager: true });

function catalogue(lang: 'sv' | 'en', shared: Catalogue, files: Record<string, Record<string, Catalogue>>) {
  return mergeMessages([
    { source: `shared/locales/${lang}.ts`, messages: shared },
    ...Object.entries(files).map(([file, module]) => ({ source: file, messages: module[lang]! })),
    ...featureMessages.map((m, index) => ({ source: `feature module ${index}`, messages: m[lang] })),
  ]);
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('samtrygg.lang') : null;

void i18n.use(initReactI18next).init({
  resources: {
    sv: { translation: catalogue('sv', sv, svFiles) },
    en: { translation: catalogue('en', en, enFiles) },
  },
  lng: stored === 'en' ? 'en' : 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: 'sv' | 'en') {
  localStorage.setItem('samtrygg.lang', lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
