#!/usr/bin/env node
// npm run rollback -- --to <versionId>   (local store)
// npm run rollback -- --to <versionId> --table <TableName>   (AWS: the stack output TableName, your AWS credentials)
// npm run rollback -- --list [--table …]   (the versions, newest first, with their status)
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { rollbackVersion } from '../pipeline/rollback-version.js';
import { failAndExit } from './fail.js';
import { openIndexStore } from './open-index-store.js';
import { versionLine } from './version-line.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const USAGE = 'usage: npm run rollback -- --to <versionId> [--table <TableName>]   |   npm run rollback -- --list [--table <TableName>]';

try {
  const { values } = parseArgs({ options: { to: { type: 'string' }, list: { type: 'boolean' }, table: { type: 'string' } }, strict: true });
  if (!values.to && !values.list) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { store, close } = await openIndexStore(loadConfig(), values.table);
  try {
    if (values.list) {
      const current = (await store.getCurrentVersion())?.version ?? null;
      for (const v of await store.listVersions()) process.stdout.write(`${versionLine(v, current)}\n`);
    } else {
      const r = await rollbackVersion(store, values.to!);
      if (!r.moved) process.stdout.write(`${r.to} is already the current version: nothing changed\n`);
      else {
        process.stdout.write(`current version: ${r.from ?? '(none)'} → ${r.to}\n`);
        process.stdout.write(
          `readers see ${r.to} now (API caches: up to their max-age). The next pipeline run publishes a new version if its inputs ` +
            `(sources, method, code revision) differ from ${r.to}'s: to keep this rollback, fix or roll back the code or sources first, ` +
            `or disable the schedule (docs/deploy.md, "Rolling data back"). To undo: npm run rollback -- --to ${r.from ?? '<versionId>'}\n`,
        );
      }
    }
  } finally {
    await close();
  }
} catch (err) {
  failAndExit(err);
}
