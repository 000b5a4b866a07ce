import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineBlobStore } from './index-store.js';

/** Local BlobStore on disk (S3 plays this role in AWS). Writes are atomic via rename. */
export class FileBlobStore implements PipelineBlobStore {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`key: "${key}" escapes the blob root`);
    return file;
  }

  async put(key: string, body: string): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    await rm(file, { force: true });
    // The per-version folder goes with its last file (rmdir refuses a folder that still has some).
    await rmdir(path.dirname(file)).catch(() => {});
  }

  async get(key: string): Promise<string | null> {
    try {
      return await readFile(this.fileOf(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}
