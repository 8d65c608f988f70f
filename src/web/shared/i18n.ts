import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { sv } from './locales/sv.ts';
import { featureMessages } from '../app/feature-routes.tsx';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('samtrygg.lang') : null;

void i18n.use(initReactI18next).init({
  resources: {
    sv: { translation: Object.assign({}, sv, ...featureMessages.map((m) => m.sv)) },
    en: { translation: Object.assign({}, en, ...featureMessages.map((m) => m.en)) },
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
