import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertObjectKey, type ObjectStore, type StoredObject } from './object-store.js';

const META_SUFFIX = '.content-type';

/**
 * Objects as files under one directory (the one-machine default). A write goes to a temporary file
 * that is then renamed over the key, so a crash never leaves half an object; the content type sits
 * in a small file beside it.
 */
export class FilesystemObjectStore implements ObjectStore {
  readonly kind = 'filesystem' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await this.writeAtomically(`${path}${META_SUFFIX}`, contentType);
    await this.writeAtomically(path, bytes);
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const bytes = await readFile(path);
      const contentType = await readFile(`${path}${META_SUFFIX}`, 'utf8').catch(() => 'application/octet-stream');
      return { bytes, contentType };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await rm(path, { force: true });
    await rm(`${path}${META_SUFFIX}`, { force: true });
  }

  private pathOf(key: string): string {
    assertObjectKey(key);
    if (key.endsWith(META_SUFFIX)) throw new Error(`object keys may not end in ${META_SUFFIX}`);
    return join(this.root, key);
  }

  private async writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
    const tmp = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, data, { flush: true });
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ENOENT';
}
