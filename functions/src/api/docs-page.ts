import { DOCS_PAGE_STYLE } from './security-headers.js';
/**
 * The human docs page (/docs): a self-contained HTML rendering of the OpenAPI
 * document — paths, parameters, request bodies, responses and schemas — with
 * inline CSS and no script or outside request, so it works offline and under a
 * strict CSP.
 */
type Json = Record<string, unknown>;

const esc = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A compact, readable type: `string`, `number | null`, `array of Place`, `"town" | "zcta"`. */
export function typeLabel(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return 'any';
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop()!;
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  if (Array.isArray(s.enum)) return s.enum.map((e) => `<code>${esc(JSON.stringify(e))}</code>`).join(' | ');
  if ('const' in s) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(s[key])) return (s[key] as unknown[]).map(typeLabel).join(key === 'allOf' ? ' &amp; ' : ' | ');
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? (s.properties ? 'object' : 'any')]) as string[];
  return types
    .map((t) => {
      if (t === 'array') return Array.isArray(s.prefixItems) ? `[${(s.prefixItems as unknown[]).map(typeLabel).join(', ')}]` : `array of ${typeLabel(s.items)}`;
      if (t === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') return `map of ${typeLabel(s.additionalProperties)}`;
      return esc(t);
    })
    .join(' | ');
}

function propertiesTable(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  const rows = Object.entries(props).map(([name, p]) => `<tr><td><code>${esc(name)}</code>${required.has(name) ? '' : ' <small>optional</small>'}</td><td>${typeLabel(p)}</td><td>${esc(p.description ?? '')}</td></tr>`);
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as Json[]).map((part) => (part.$ref ? `<p>All fields of ${typeLabel(part)}, plus:</p>` : propertiesTable(part))).join('') : '';
  return parts + (rows.length ? `<table><tr><th>field</th><th>type</th><th>meaning</th></tr>${rows.join('')}</table>` : '');
}

export function renderDocsPage(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const anchor = `op-${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;
      toc.push(`<li><a href="#${anchor}"><b>${esc(method.toUpperCase())}</b> ${esc(path)}</a></li>`);
      const params = ((op.parameters ?? []) as Json[]).map(
        (p) => `<tr><td><code>${esc(p.name)}</code> <small>${esc(p.in)}${p.required ? ', required' : ''}</small></td><td>${typeLabel(p.schema)}</td><td>${esc(p.description ?? (p.schema as Json | undefined)?.description ?? '')}</td></tr>`,
      );
      const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
        const content = Object.entries((r.content ?? {}) as Record<string, Json>).map(([type, c]) => `<code>${esc(type)}</code> ${typeLabel(c.schema)}`);
        return `<tr><td>${esc(status)}</td><td>${esc(r.description ?? '')}</td><td>${content.join('<br>')}</td></tr>`;
      });
      ops.push(`<section id="${anchor}"><h3><span class="m">${esc(method.toUpperCase())}</span> ${esc(path)}</h3><p>${esc(op.summary ?? '')}</p>
${params.length ? `<table><tr><th>parameter</th><th>type</th><th>meaning</th></tr>${params.join('')}</table>` : ''}
${body ? `<p>Request body: ${Object.entries(body).map(([type, c]) => `<code>${esc(type)}</code> ${typeLabel(c.schema)}`).join(', ')}</p>` : ''}
<table><tr><th>status</th><th>meaning</th><th>content</th></tr>${responses.join('')}</table></section>`);
    }
  }
  const schemas = Object.entries(((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>).map(
    ([name, s]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ''}${propertiesTable(s) || `<p>${typeLabel(s)}</p>`}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} — reference</title>
<style>${DOCS_PAGE_STYLE}</style></head><body>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). Errors: RFC 9457 <code>application/problem+json</code>.</p>
<h2>Endpoints</h2><ul class="toc">${toc.join('')}</ul>
${ops.join('\n')}
<h2>Schemas</h2>
${schemas.join('\n')}
</body></html>`;
}
