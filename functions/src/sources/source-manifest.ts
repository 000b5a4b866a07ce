import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../config.js';
import { resolveDataFile } from './data-dir.js';
import { SourceValidationError } from './source-problem.js';

const SourceEntry = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  publisher: z.string().min(1),
  title: z.string().min(1),
  vintage: z.string().min(1),
  downloadUrl: z.url(),
  landingPage: z.url().optional(),
  license: z.string().min(1),
  format: z.string().optional(),
  stagedFrom: z.string().optional(),
});
export type SourceEntry = z.infer<typeof SourceEntry>;
const Manifest = z.object({ sources: z.array(SourceEntry).min(1) });

export const MANIFEST_PATH = path.join(REPO_ROOT, 'data', 'sources.json');

export function loadManifest(file = MANIFEST_PATH): SourceEntry[] {
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new SourceValidationError(
      parsed.error.issues.map((i) => ({ file: path.relative(REPO_ROOT, file), column: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data.sources;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface SourceFile {
  entry: SourceEntry;
  /** Absolute path read. */
  file: string;
  bytes: Buffer;
}

/** Read a registered source from DATA_DIR and check its checksum: a different file is an error, never a silent change. */
export function readSource(dataDir: string, id: string, manifest: SourceEntry[] = loadManifest()): SourceFile {
  const entry = manifest.find((s) => s.id === id);
  if (!entry) throw new Error(`source id "${id}" is not registered in data/sources.json`);
  const file = resolveDataFile(dataDir, entry.path);
  const bytes = readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== entry.sha256) {
    throw new SourceValidationError([
      {
        file: entry.path,
        message: `sha256 is ${actual} but data/sources.json expects ${entry.sha256}; the file changed — review it, then update the manifest`,
      },
    ]);
  }
  return { entry, file, bytes };
}
