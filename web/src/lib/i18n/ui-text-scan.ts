import { readFileSync } from 'node:fs';
import { parse } from 'svelte/compiler';
import ts from 'typescript';

/**
 * Finds English written straight into the UI's source instead of the message catalogue (issue 16:
 * "a test fails when an English UI string has no Spanish entry"). It reads the code, not the screen,
 * so it also catches text on paths a browser test never opens (error states, rare branches).
 *
 * What counts as UI text: every text node of a Svelte template; the values of attributes a reader
 * or screen reader meets (aria-label, title, placeholder, alt, label…); and string literals in
 * scripts and template expressions that read like words ("Loading…", "no data for ZIP codes"),
 * not like identifiers ("town", "domain:maternal"), CSS or URLs.
 *
 * Not UI text, and so skipped: import paths, CSS, comments, `console.*` and `throw new Error(…)`
 * (developer messages), and lines marked `i18n-ignore` with a reason (kept rare and reviewed).
 */

export interface UiTextFinding {
  file: string;
  line: number;
  text: string;
}

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'summary']);

/** Words that are the same in every language: names, acronyms, units and the product's name. */
const SAME_IN_EVERY_LANGUAGE = new Set(
  'Equity Atlas Massachusetts MA US USA ZIP ZCTA ZCTAs CSV PNG PDF JSON GeoJSON OpenAPI API AHEM EOHHS ACS CDC PLACES DPH HRSA FIPS ID km mi CC BY MIT GitHub Redoc Swagger MapLibre OpenStreetMap'.split(' '),
);

/** Single capitalised words that are code, not text: GeoJSON and AST types, keyboard keys. */
const CODE_WORDS = new Set('Polygon MultiPolygon Point Feature FeatureCollection Enter Escape Home End Tab Space Text Attribute Literal Identifier'.split(' '));

const WORD = /\p{L}{2,}/gu;

/** Does this string read like words a person is meant to read (in English)? */
export function readsLikeUiText(s: string, { strict = false } = {}): boolean {
  const text = s.replace(/\s+/g, ' ').trim();
  if (!text) return false;
  // URLs, paths, CSS, selectors, colours, ids and code-like tokens.
  if (/^(https?:|\/|\.\/|\.\.\/|#|data:|mailto:)/.test(text)) return false;
  if (/^[\w.-]+:[\w.-]+$/.test(text) && !/\s/.test(text)) return false;
  if (/[;{}]|\b\d+px\b|^\[|^\.|=>/.test(text)) return false;
  const words = (text.match(WORD) ?? []).filter((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
  if (words.length === 0) return false;
  // In markup (strict), any leftover word is text a reader sees.
  if (strict) return true;
  // In code: words with spaces between them ("no data for ZIP codes")…
  if (/\s/.test(text)) return words.length >= 2 || /^\p{Lu}\p{Ll}{2,}/u.test(words[0]!);
  // …or one capitalised word ("Loading…", "Print"); "places-fill", "Map.Title" and "town" are identifiers.
  return /^\p{Lu}\p{Ll}{2,}[.:!?…]*$/u.test(text) && !CODE_WORDS.has(text.replace(/[.:!?…]+$/, ''));
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

function ignored(source: string, line: number): boolean {
  const lines = source.split('\n');
  return [lines[line - 1], lines[line - 2]].some((l) => l !== undefined && /i18n-ignore/.test(l));
}

type Node = { type?: string; start?: number; [key: string]: unknown };

/** String literals of an ESTree (Svelte's parse gives scripts and template expressions as ESTree). */
function scanEstree(node: unknown, source: string, file: string, out: UiTextFinding[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) scanEstree(n, source, file, out);
    return;
  }
  const n = node as Node;
  if (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'TSImportType' || n.type === 'ImportExpression') return;
  if (n.type === 'CallExpression' && isDeveloperCall(n)) return;
  if (n.type === 'ThrowStatement') return;
  if (n.type === 'Literal' && typeof n.value === 'string') {
    report(n.value, n.start ?? 0, source, file, out);
    return;
  }
  if (n.type === 'TemplateElement') {
    const value = (n.value as { cooked?: string; raw: string }).cooked ?? (n.value as { raw: string }).raw;
    report(value, n.start ?? 0, source, file, out);
    return;
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments') scanEstree(value, source, file, out);
}

function isDeveloperCall(n: Node): boolean {
  const callee = n.callee as Node | undefined;
  if (callee?.type !== 'MemberExpression') return false;
  const object = callee.object as Node;
  return object.type === 'Identifier' && (object as { name?: string }).name === 'console';
}

function report(text: string, start: number, source: string, file: string, out: UiTextFinding[], strict = false): void {
  if (!readsLikeUiText(text, { strict })) return;
  const line = lineOf(source, start);
  if (!ignored(source, line)) out.push({ file, line, text: text.trim().slice(0, 80) });
}

/** Walk a Svelte template: text nodes, read attributes and the expressions inside both. */
function scanTemplate(node: unknown, source: string, file: string, out: UiTextFinding[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) scanTemplate(n, source, file, out);
    return;
  }
  const n = node as Node;
  if (n.type === 'Text') {
    report(String(n.data ?? ''), n.start ?? 0, source, file, out, true);
    return;
  }
  if (n.type === 'Attribute') {
    const name = String(n.name);
    const parts = Array.isArray(n.value) ? (n.value as Node[]) : n.value && typeof n.value === 'object' ? [n.value as Node] : [];
    for (const part of parts) {
      if (part.type === 'Text') {
        if (READ_ATTRIBUTES.has(name)) report(String(part.data ?? ''), part.start ?? 0, source, file, out, true);
      } else scanEstree(part.expression, source, file, out);
    }
    return;
  }
  if (n.type === 'ExpressionTag' || n.type === 'HtmlTag') {
    scanEstree(n.expression, source, file, out);
    return;
  }
  // <style> and the element's own name are not text.
  if (n.type === 'StyleSheet') return;
  for (const [key, value] of Object.entries(n)) {
    if (key === 'loc' || key === 'metadata' || key === 'css') continue;
    if (key === 'expression' || key === 'test' || key === 'key' || key === 'context' || key === 'index') scanEstree(value, source, file, out);
    else scanTemplate(value, source, file, out);
  }
}

export function scanSvelte(file: string, source = readFileSync(file, 'utf8')): UiTextFinding[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: unknown; instance?: { content: unknown }; module?: { content: unknown } };
  const out: UiTextFinding[] = [];
  if (ast.module) scanEstree(ast.module.content, source, file, out);
  if (ast.instance) scanEstree(ast.instance.content, source, file, out);
  scanTemplate(ast.fragment, source, file, out);
  return out;
}

/** A TypeScript module's string literals that read like UI text (labels, reasons, announcements). */
export function scanTypeScript(file: string, source = readFileSync(file, 'utf8')): UiTextFinding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: UiTextFinding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isThrowStatement(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText(sf) === 'console') return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node.text, node.getStart(sf), source, file, out);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) report(node.text, node.getStart(sf), source, file, out);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
