import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSvelte, scanTypeScript } from './ui-text-scan';

/**
 * Issue 16: "a test fails when an English UI string has no Spanish entry". Two ways English can
 * slip through: a message with no Spanish entry (catalogue parity below), or English written into
 * a component or module instead of the catalogue (the source scan).
 */
const WEB = path.resolve(import.meta.dirname, '../../..');
const MESSAGES = path.join(WEB, 'messages');
const settings = JSON.parse(readFileSync(path.join(WEB, 'project.inlang', 'settings.json'), 'utf8')) as { locales: string[]; baseLocale: string; 'plugin.inlang.messageFormat': { pathPattern: string[] } };
const areas = readdirSync(MESSAGES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
type Catalogue = Record<string, unknown>;
const read = (area: string, locale: string): Catalogue => {
  const { $schema: _, ...messages } = JSON.parse(readFileSync(path.join(MESSAGES, area, `${locale}.json`), 'utf8')) as Catalogue;
  return messages;
};
/** The {placeholders} a message uses, in all its variants. */
const placeholders = (message: unknown): string[] => [...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))].sort();
const texts = (message: unknown): string[] => (typeof message === 'string' ? [message] : Object.values(((message as { match?: Record<string, string> }[])[0]?.match ?? {})));

describe('message catalogue', () => {
  it('registers every area folder with the compiler', () => {
    expect(settings['plugin.inlang.messageFormat'].pathPattern).toEqual(expect.arrayContaining(areas.map((a) => `./messages/${a}/{locale}.json`)));
    expect(settings.locales).toEqual(['en', 'es']);
  });

  for (const area of areas) {
    it(`${area}: every English message has a Spanish entry with the same placeholders, and no more`, () => {
      const en = read(area, 'en');
      for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
        const other = read(area, locale);
        expect(Object.keys(other).sort(), `${area}/${locale}.json keys`).toEqual(Object.keys(en).sort());
        for (const [key, message] of Object.entries(en)) {
          expect(placeholders(other[key]), `${area}/${locale}.json "${key}" placeholders`).toEqual(placeholders(message));
          for (const text of texts(other[key])) expect(text.trim(), `${area}/${locale}.json "${key}" is empty`).not.toBe('');
        }
      }
    });
  }
});

describe('UI source', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return d.name === 'paraglide' ? [] : files(p);
      return /\.(svelte|ts)$/.test(d.name) && !/\.(test|d)\.ts$/.test(d.name) ? [p] : [];
    });
  // The scanner's own word lists are not UI text.
  const sources = files(path.join(WEB, 'src')).filter((f) => !f.endsWith(path.join('i18n', 'ui-text-scan.ts')));

  it('finds the source files (the scan is not vacuous)', () => {
    expect(sources.filter((f) => f.endsWith('.svelte')).length).toBeGreaterThan(25);
  });

  it('writes no English UI text outside the message catalogue', () => {
    const findings = sources.flatMap((f) => (f.endsWith('.svelte') ? scanSvelte(f) : scanTypeScript(f)));
    const listed = findings.map((x) => `${path.relative(WEB, x.file)}:${x.line}  ${JSON.stringify(x.text)}`);
    expect(listed, 'English written into the UI source; move it to web/messages/<area>/{en,es}.json (or mark a non-UI string `i18n-ignore: why`)').toEqual([]);
  });
});

describe('the scanner can fail', () => {
  it('flags English in markup, read attributes and script literals, and passes code-like strings', () => {
    const source = `<script lang="ts">\n  const a = 'Loading…';\n  const b = 'places-fill';\n  const c = m.x();\n</script>\n<p title="Hide legend">No data here</p>\n<button aria-label={open ? 'Close panel' : 'town'}>{n} PDF</button>\n<span class="foo bar">{c}</span>`;
    const found = scanSvelte('x.svelte', source).map((f) => f.text);
    expect(found).toEqual(['Loading…', 'Hide legend', 'No data here', 'Close panel']);
    expect(scanTypeScript('x.ts', `const x = \`Copy this link: \${u}\`;\nconst y = 'fill-color';\n// i18n-ignore: a CSV header\nconst z = 'Grant id';\nthrow new Error('no such place');`).map((f) => f.text)).toEqual(['Copy this link:']);
  });
});
