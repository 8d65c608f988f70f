/**
 * The one place that picks between Swedish and English for data that carries both (reference
 * names, server reasons): Swedish unless the UI speaks English.
 */
export function pickLanguage<T>(language: string, sv: T, en: T): T {
  return language === 'en' ? en : sv;
}

/** A reference item's name (focus area, category) in the UI's language. */
export const localName = (language: string, item: { name: string; nameEn: string }): string =>
  pickLanguage(language, item.name, item.nameEn);
