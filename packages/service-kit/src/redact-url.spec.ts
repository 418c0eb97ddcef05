import { REDACTED, redactUrl } from './redact-url.js';

test('tracking codes in the path are redacted, also on sub-routes and whatever the case', () => {
  expect(redactUrl('/api/v1/disclosure-requests/track/K7QX2M9PTR')).toBe(`/api/v1/disclosure-requests/track/${REDACTED}`);
  expect(redactUrl('/api/v1/disclosure-requests/track/K7QX2M9PTR/withdraw')).toBe(`/api/v1/disclosure-requests/track/${REDACTED}/withdraw`);
  expect(redactUrl('/API/V1/disclosure-requests/TRACK/K7QX2M9PTR')).toBe(`/API/V1/disclosure-requests/TRACK/${REDACTED}`);
});

test('secret-looking query values are redacted, others kept', () => {
  const logged = redactUrl(
    '/cb?code=abc123&access_token=eyJ.x.y&client_secret=s3&password=p&api_key=k&page=2&q=%E5%85%AC%E7%A7%AF%E9%87%91',
  );
  expect(logged).not.toMatch(/abc123|eyJ|s3|=p&|=k&/);
  expect(logged).toContain(`code=${REDACTED}`);
  expect(logged).toContain(`access_token=${REDACTED}`);
  expect(logged).toContain('page=2');
  expect(decodeURIComponent(logged)).toContain('q=公积金');
});

test('ID-card and mobile numbers are masked in the path and the query, encoded or not', () => {
  const logged = decodeURIComponent(
    redactUrl('/api/v1/policies/search?q=%E6%88%91%E7%9A%8411010519491231002X%20%E7%94%B5%E8%AF%9D13812345678&page=1'),
  );
  expect(logged).not.toContain('11010519491231002X');
  expect(logged).not.toContain('13812345678');
  expect(logged).toContain('[身份证号]');
  expect(logged).toContain('[手机号]');
  expect(redactUrl('/api/v1/policies/suggest/13812345678')).not.toContain('13812345678');
});

test('document numbers, ids and plain paths stay readable', () => {
  expect(redactUrl('/api/v1/policies/6f1c2e8a-0000-4000-8000-000000000001')).toBe('/api/v1/policies/6f1c2e8a-0000-4000-8000-000000000001');
  expect(decodeURIComponent(redactUrl('/api/v1/policies/search?q=%E3%80%942023%E3%80%9512%E5%8F%B7'))).toBe(
    '/api/v1/policies/search?q=〔2023〕12号',
  );
  expect(redactUrl(undefined)).toBe('');
});
