import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PipelineBlobStore } from './index-store.js';

/**
 * BlobStore on S3 (the FileBlobStore's role in AWS). Keys are used as object
 * keys under an optional prefix; a missing object reads as null, like a
 * missing file locally. The client is passed in so a Lambda creates it once.
 */
export class S3BlobStore implements PipelineBlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {
    if (!bucket) throw new Error('bucket: an S3 bucket name is required');
  }

  private keyOf(key: string): string {
    if (key.startsWith('/') || key.split('/').includes('..')) throw new Error(`key: "${key}" must be a relative key without ".."`);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: string, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Body: body, ContentType: contentType, ChecksumAlgorithm: 'SHA256' }),
    );
  }

  /** S3 answers 204 for a missing key too. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
  }

  async get(key: string): Promise<string | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return out.Body ? await out.Body.transformToString('utf8') : null;
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      throw err;
    }
  }
}
