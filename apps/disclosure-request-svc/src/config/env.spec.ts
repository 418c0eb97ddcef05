import { readEnvExample } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { Env, attachmentStoreSettings, loadAppConfig } from './env.js';

const example = readEnvExample(fileURLToPath(new URL('../../.env.example', import.meta.url)));

test('.env.example lists every variable and passes validation', () => {
  expect(Object.keys(example).sort()).toEqual(Object.keys(Env.shape).sort());
  expect(loadAppConfig(example).HTTP_PORT).toBe(3104);
});

test('a wrong value stops start-up naming the variable', () => {
  expect(() => loadAppConfig({ ...example, HTTP_PORT: 'not-a-port' })).toThrow(/HTTP_PORT/);
});

test('an S3 attachment store needs its bucket, and a key pair comes whole or not at all', () => {
  expect(() => loadAppConfig({ ...example, ATTACHMENT_STORE: 's3' })).toThrow(/ATTACHMENT_S3_BUCKET/);
  expect(() =>
    loadAppConfig({ ...example, ATTACHMENT_STORE: 's3', ATTACHMENT_S3_BUCKET: 'govdisc', ATTACHMENT_S3_ACCESS_KEY_ID: 'k' }),
  ).toThrow(/ATTACHMENT_S3_SECRET_ACCESS_KEY/);
  const config = loadAppConfig({
    ...example,
    ATTACHMENT_STORE: 's3',
    ATTACHMENT_S3_BUCKET: 'govdisc',
    ATTACHMENT_S3_ENDPOINT: 'http://minio:9000',
    ATTACHMENT_S3_ACCESS_KEY_ID: 'k',
    ATTACHMENT_S3_SECRET_ACCESS_KEY: 's',
  });
  expect(attachmentStoreSettings(config)).toEqual({
    kind: 's3',
    bucket: 'govdisc',
    prefix: 'attachments/',
    endpoint: 'http://minio:9000',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'k', secretAccessKey: 's' },
  });
  expect(attachmentStoreSettings(loadAppConfig(example))).toEqual({ kind: 'filesystem', dir: './var/attachments' });
});
