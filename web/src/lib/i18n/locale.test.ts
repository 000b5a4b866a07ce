import { describe, expect, it } from 'vitest';
import { hrefInLang, langFromSearch, numberLocale } from './locale';

describe('UI language from the URL', () => {
  it('reads ?lang=es and falls back to English for anything else', () => {
    expect(langFromSearch('?lang=es&level=zcta')).toBe('es');
    expect(langFromSearch('?lang=en')).toBe('en');
    expect(langFromSearch('?lang=fr')).toBe('en');
    expect(langFromSearch('')).toBe('en');
  });

  it('switches language in a link and keeps the rest of its state', () => {
    expect(hrefInLang('/?level=zcta&compare=01840,01841#9/42.1/-71.2', 'es')).toBe('/?level=zcta&compare=01840,01841&lang=es#9/42.1/-71.2');
    expect(hrefInLang('/report?level=town&id=2500934550&lang=es', 'en')).toBe('/report?level=town&id=2500934550');
    expect(hrefInLang('/', 'es')).toBe('/?lang=es');
  });

  it('writes numbers the US Spanish way in Spanish', () => {
    expect((1234.5).toLocaleString(numberLocale('es'))).toBe('1,234.5');
    expect((1234.5).toLocaleString(numberLocale('en'))).toBe('1,234.5');
    expect(new Date('2026-11-30T12:00:00Z').toLocaleDateString(numberLocale('es'), { dateStyle: 'long', timeZone: 'UTC' })).toBe('30 de noviembre de 2026');
  });
});
