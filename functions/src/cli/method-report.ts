#!/usr/bin/env node
// npm run -s method-report — face-validity and before/after tables (docs/method.md §10) from the local store:
// the current version, compared with the newest published version of another method when there is one.
import { loadConfig } from '../config.js';
import { methodReport, type VersionData } from '../reports/method-report.js';
import { sensitivityKey } from '../store/index-store.js';
import { failAndExit } from './fail.js';
import { openLocalStack } from './local-stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
try {
  const stack = await openLocalStack(loadConfig(), (m) => process.stderr.write(`${m}\n`), 'command');
  try {
    const load = async (version: string): Promise<VersionData> => ({
      meta: (await stack.store.getVersion(version))!,
      town: await stack.store.listPlaces(version, 'town'),
      zcta: await stack.store.listPlaces(version, 'zcta'),
      townSensitivity: JSON.parse((await stack.blobs.get(sensitivityKey(version, 'town'))) ?? 'null'),
    });
    const current = await stack.store.getCurrentVersion();
    if (!current) throw Object.assign(new Error('no published version in the local store: run `npm run pipeline` first'), { name: 'ConfigError' });
    const other = (await stack.store.listVersions()).find((v) => v.status === 'complete' && v.methodId !== null && v.methodId !== current.method.id);
    process.stdout.write(methodReport(await load(current.version), other ? await load(other.version) : null));
  } finally {
    await stack.close();
  }
} catch (err) {
  failAndExit(err);
}
