import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import type { ObjectStore } from '@govdisc/object-store';
import { fileTypeFromBuffer } from 'file-type';
import { createHash } from 'node:crypto';

/** Types identified by magic bytes (never by the file name or a client-sent MIME type). */
export const ALLOWED_MIME = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

export interface CheckedFile {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * Size- and type-checks attachments and keeps them in the object store (a directory or an S3-compatible bucket,
 * `ATTACHMENT_STORE`), content-addressed (`<first two hex digits>/<sha256>`), outside the database.
 */
@Injectable()
export class AttachmentStore {
  constructor(
    private readonly objects: ObjectStore,
    private readonly maxBytes: number,
  ) {}

  async check(file: { fileName: string; contentBase64: string }): Promise<CheckedFile> {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length > this.maxBytes) {
      throw new DomainError(ErrorCode.DISCLOSURE_ATTACHMENT_TOO_LARGE, undefined, {
        fileName: file.fileName,
        maxBytes: this.maxBytes,
      });
    }
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !ALLOWED_MIME.has(type.mime)) {
      throw new DomainError(ErrorCode.DISCLOSURE_ATTACHMENT_TYPE_FORBIDDEN, undefined, {
        fileName: file.fileName,
        detected: type?.mime ?? 'unknown',
      });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { fileName: file.fileName, mime: type.mime, size: bytes.length, sha256, bytes };
  }

  /** Stores the file (idempotent: same content, same key) and returns its object key, kept as the row's storage path. */
  async store(file: CheckedFile): Promise<string> {
    const key = `${file.sha256.slice(0, 2)}/${file.sha256}`;
    await this.objects.put(key, file.bytes, file.mime);
    return key;
  }
}
