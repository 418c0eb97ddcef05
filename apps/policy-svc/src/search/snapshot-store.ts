import { type EmbeddedSearchIndex, loadSnapshot, saveSnapshot } from '@govdisc/search-index';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the projection stopped: the stream (by creation time, to notice a new server) and sequence. */
export interface ProjectionPosition {
  stream: string;
  streamCreated: string;
  seq: number;
}

/**
 * The embedded engine's files: `<dataDir>/<database key>/policy.snapshot` + `position.json`. The key
 * hashes database, schema and subject prefix, so two databases (dev, test runs) never share a snapshot.
 */
export class SnapshotStore {
  readonly dir: string;

  constructor(dataDir: string, identity: string) {
    this.dir = join(dataDir, createHash('sha256').update(identity).digest('hex').slice(0, 16));
  }

  private get snapshotPath() {
    return join(this.dir, 'policy.snapshot');
  }

  private get positionPath() {
    return join(this.dir, 'position.json');
  }

  /** The saved index and position, or null when there is none or it was built by another analyzer. */
  async load(): Promise<{ index: EmbeddedSearchIndex; position: ProjectionPosition | null } | null> {
    try {
      const index = await loadSnapshot(this.snapshotPath);
      const position = JSON.parse(await readFile(this.positionPath, 'utf8')) as ProjectionPosition;
      return { index, position };
    } catch {
      return null;
    }
  }

  /** Snapshot first, position second: a crash between them only replays events (harmless, versioned). */
  async save(index: EmbeddedSearchIndex, position: ProjectionPosition | null): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await saveSnapshot(index, this.snapshotPath);
    const tmp = `${this.positionPath}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify(position));
    await rename(tmp, this.positionPath);
  }
}

/** Database URL without credentials + schema + subject prefix: what makes a read model distinct. */
export function databaseIdentity(databaseUrl: string, schema: string, prefix: string): string {
  const u = new URL(databaseUrl);
  return `${u.hostname}:${u.port}${u.pathname}#${schema}#${prefix}`;
}
