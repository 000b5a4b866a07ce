#!/usr/bin/env node
// npm run versions [-- --table <TableName>]            list the versions, newest first (* = current)
// npm run versions -- pin <versionId> [--table …]      keep it whatever the retention rule says (a citation relies on it)
// npm run versions -- unpin <versionId> [--table …]
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { failAndExit } from './fail.js';
import { openIndexStore } from './open-index-store.js';
import { versionLine } from './version-line.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const USAGE = 'usage: npm run versions [-- pin|unpin <versionId>] [--table <TableName>]';

try {
  const { values, positionals } = parseArgs({ options: { table: { type: 'string' } }, allowPositionals: true, strict: true });
  const [action, version] = positionals;
  if ((action !== undefined && action !== 'pin' && action !== 'unpin') || (action !== undefined && !version)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const { store, close } = await openIndexStore(loadConfig(), values.table);
  try {
    if (action && version) {
      if (!(await store.setPinned(version, action === 'pin'))) throw new Error(`${version}: no complete version by that id (only complete versions can be pinned)`);
      process.stdout.write(`${version} ${action === 'pin' ? 'pinned: retention keeps it' : 'unpinned: retention may delete it once it is old'}\n`);
    } else {
      const current = (await store.getCurrentVersion())?.version ?? null;
      for (const v of await store.listVersions()) process.stdout.write(`${versionLine(v, current)}\n`);
    }
  } finally {
    await close();
  }
} catch (err) {
  failAndExit(err);
}
