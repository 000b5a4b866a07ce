import { createHash } from 'node:crypto';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { BlobStore } from '../store/index-store.js';
import { canonicalJson } from './canonical-json.js';

/**
 * Fields of a version record that describe the run, not its outputs: the id and date, the write status,
 * stage timings, what it was computed from (`inputs`, `code`: provenance, hashed separately), the retention
 * pin, and the hash itself. Everything else in the record is published output.
 */
export const RUN_SPECIFIC_META_FIELDS = ['version', 'schema', 'createdAt', 'status', 'timings', 'inputs', 'code', 'pinned', 'contentSha256'] as const;

/** Stands in for the version id inside outputs that embed it (blobs name their version), so the hash does not depend on the id. */
const VERSION_PLACEHOLDER = '{version}';

export interface VersionOutputs {
  meta: VersionMeta;
  places: readonly PlaceRecord[];
  /** sha256 of each published blob body by blob key (recordingBlobStore), both with the version id replaced. */
  blobSha256: Readonly<Record<string, string>>;
}

const neutralText = (text: string, version: string) => text.replaceAll(version, VERSION_PLACEHOLDER);

/**
 * A BlobStore that passes every put through to `blobs` and keeps the sha256 of each body (by key), both with
 * the version id neutralized: whatever blobs the pipeline writes are in the content hash, new ones included.
 */
export function recordingBlobStore<B extends BlobStore>(blobs: B, version: string): { blobs: B; blobSha256: Record<string, string> } {
  const blobSha256: Record<string, string> = {};
  const put: BlobStore['put'] = async (key, body, contentType) => {
    blobSha256[neutralText(key, version)] = createHash('sha256').update(neutralText(body, version)).digest('hex');
    await blobs.put(key, body, contentType);
  };
  // A proxy, not a copy: the store's other methods keep running on the store itself (its private fields included).
  const recording = new Proxy(blobs, {
    get: (target, prop) => {
      if (prop === 'put') return put;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { blobs: recording, blobSha256 };
}

/**
 * sha256 (hex) of everything a version publishes — its record without RUN_SPECIFIC_META_FIELDS, every place
 * record of both levels (in level, id order) and every blob body (by its digest) — serialized canonically (sorted keys), with
 * the version id replaced by a placeholder. Two runs of the same code on the same inputs give the same hash;
 * any changed number, label or geometry changes it (issue 15, contract 7).
 */
export function outputContentSha256({ meta, places, blobSha256 }: VersionOutputs): string {
  const neutral = (text: string) => neutralText(text, meta.version);
  const record = Object.fromEntries(Object.entries(meta).filter(([key]) => !(RUN_SPECIFIC_META_FIELDS as readonly string[]).includes(key)));
  const hash = createHash('sha256');
  const part = (name: string, body: string) => hash.update(`${name}\0${body.length}\0`).update(body).update('\0');
  part('version', neutral(canonicalJson(record)));
  const ordered = [...places].sort((a, b) => (a.level !== b.level ? (a.level < b.level ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const place of ordered) part(`place/${place.level}/${place.id}`, canonicalJson(place));
  for (const name of Object.keys(blobSha256).sort()) part(`blob/${name}`, blobSha256[name]!);
  return hash.digest('hex');
}
