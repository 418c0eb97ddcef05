import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestS3Server } from '@govdisc/testing/s3-server';
import { FilesystemObjectStore, InvalidObjectKeyError, type ObjectStore, type S3ObjectStore, objectStoreFrom } from './index.js';

// One contract, both adapters: the filesystem one in a temp dir, the S3 one against s3rver, an S3-compatible HTTP
// server (the AWS SDK signs and sends real S3 requests to it over loopback).
const pdf = Buffer.from('%PDF-1.4\n%govdisc contract\n');

interface Harness {
  store: ObjectStore;
  close(): Promise<void>;
}

async function filesystem(): Promise<Harness & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'object-store-'));
  return { dir, store: new FilesystemObjectStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
}

async function s3(): Promise<Harness> {
  const server = await startTestS3Server('govdisc');
  const store = objectStoreFrom({
    kind: 's3',
    bucket: 'govdisc',
    prefix: 'attachments/',
    endpoint: server.url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    store,
    close: async () => {
      (store as S3ObjectStore).close();
      await server.close();
    },
  };
}

describe.each([
  ['filesystem', filesystem],
  ['s3', s3],
])('ObjectStore contract: %s', (kind, make) => {
  let h: Harness;
  beforeAll(async () => {
    h = await make();
  });
  afterAll(() => h.close());

  it('names its adapter', () => expect(h.store.kind).toBe(kind));

  it('returns what was put, with its content type', async () => {
    await h.store.put('ab/abc123', pdf, 'application/pdf');
    expect(await h.store.exists('ab/abc123')).toBe(true);
    const got = await h.store.get('ab/abc123');
    expect(got?.bytes.equals(pdf)).toBe(true);
    expect(got?.contentType).toBe('application/pdf');
  });

  it('answers null / false for a key nobody wrote', async () => {
    expect(await h.store.get('zz/missing')).toBeNull();
    expect(await h.store.exists('zz/missing')).toBe(false);
  });

  it('replaces an object put again under the same key (idempotent content-addressed writes)', async () => {
    await h.store.put('cd/same', Buffer.from('one'), 'text/plain');
    await h.store.put('cd/same', Buffer.from('two'), 'text/plain');
    expect((await h.store.get('cd/same'))?.bytes.toString()).toBe('two');
  });

  it('deletes, and deleting nothing is not an error', async () => {
    await h.store.put('ef/gone', pdf, 'application/pdf');
    await h.store.delete('ef/gone');
    expect(await h.store.exists('ef/gone')).toBe(false);
    await expect(h.store.delete('ef/gone')).resolves.toBeUndefined();
  });

  it('keeps binary content byte for byte (a 600 kB scan)', async () => {
    const bytes = Buffer.alloc(600_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131) % 256;
    await h.store.put('12/scan', bytes, 'image/tiff');
    expect((await h.store.get('12/scan'))?.bytes.equals(bytes)).toBe(true);
  });

  it.each(['../escape', 'a/../../b', '/abs', 'UPPER', 'a//b', '', 'a/./b', 'x y'])('refuses the key %j', async (key) => {
    await expect(h.store.put(key, pdf, 'application/pdf')).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(h.store.get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
  });
});

describe('FilesystemObjectStore', () => {
  it('leaves no temporary file behind and writes under the key path', async () => {
    const h = await filesystem();
    try {
      await h.store.put('ab/abc', pdf, 'application/pdf');
      expect((await readdir(join(h.dir, 'ab'))).sort()).toEqual(['abc', 'abc.content-type']);
    } finally {
      await h.close();
    }
  });
});
