import { getLocale, locales, setLocale } from '../../paraglide/runtime.js';

/**
 * The UI language (issue 16): English by default, Spanish with `?lang=es`. The language is read
 * once from the URL when a page starts, and the language switch is a link to the same URL with
 * the other `lang`, so every view, map label and number format is drawn once in one language
 * (no half-translated screen), and the link can be shared. Messages are compiled into the bundle
 * by Paraglide JS (web/messages/<area>/<lang>.json): no request for them at first render.
 */
export type Lang = (typeof locales)[number];

export const LANGS: readonly Lang[] = locales;

/** Each language's own name, written in that language, so a reader finds theirs without English. */
// i18n-ignore: language names are the same in every UI language (each in its own)
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', es: 'Español' };

/** The language a query string asks for; anything else is English. */
export function langFromSearch(search: string): Lang {
  const lang = new URLSearchParams(search).get('lang');
  return (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : 'en';
}

/** Set the page's language from its URL: the messages, `<html lang>` and the number formats follow. */
export function startLocale(search = location.search): Lang {
  const lang = langFromSearch(search);
  setLocale(lang, { reload: false });
  document.documentElement.lang = lang;
  return lang;
}

export const currentLang = (): Lang => getLocale();

/**
 * Run `fn` with the messages and number formats of another language, then restore the page's: for
 * text that must not follow the UI (CSV values stay English). Synchronous only — nothing else runs
 * in between, so the page never sees the borrowed language.
 */
export function inLang<T>(lang: Lang, fn: () => T): T {
  const page = getLocale();
  if (page === lang) return fn();
  setLocale(lang, { reload: false });
  try {
    return fn();
  } finally {
    setLocale(page, { reload: false });
  }
}

/** The locale numbers and dates are written in: en-US, or es-US (US Spanish: 1,234.5 and "30 de noviembre de 2026"). */
export const numberLocale = (lang: Lang = currentLang()): string => (lang === 'es' ? 'es-US' : 'en-US');

/** A link (path + query + hash) with its `lang` set to the given language; English is the default and leaves no `lang`. */
export function hrefInLang(href: string, lang: Lang = currentLang()): string {
  const url = new URL(href, 'http://x');
  if (lang === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  const search = url.searchParams.toString().replaceAll('%3A', ':').replaceAll('%2C', ',');
  return `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}
