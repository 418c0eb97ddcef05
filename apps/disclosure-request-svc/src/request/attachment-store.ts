import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

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

export interface AttachmentSettings {
  dir: string;
  maxBytes: number;
}

/** Size- and type-checks attachments and stores them on local disk, content-addressed, outside the database. */
@Injectable()
export class AttachmentStore {
  constructor(private readonly settings: AttachmentSettings) {}

  async check(file: { fileName: string; contentBase64: string }): Promise<CheckedFile> {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length > this.settings.maxBytes) {
      throw new DomainError(ErrorCode.DISCLOSURE_ATTACHMENT_TOO_LARGE, undefined, {
        fileName: file.fileName,
        maxBytes: this.settings.maxBytes,
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

  /** Writes the file (idempotent: same content, same path) and returns its storage path. */
  async store(file: CheckedFile): Promise<string> {
    const dir = resolve(this.settings.dir, file.sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const path = join(dir, file.sha256);
    await writeFile(path, file.bytes);
    return path;
  }
}
