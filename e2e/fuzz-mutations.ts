import fc from 'fast-check';

/** One route of the OpenAPI document with its seed turned into a valid request. */
export interface BaseRequest {
  route: string;
  method: string;
  /** template, e.g. /api/v1/policies/{documentId} */
  template: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** token of a role the route's x-access row allows (undefined: public route) */
  token: string | undefined;
  /** the route needs no token */
  isPublic: boolean;
  /** a token of a role the row does not allow, for the auth probes */
  wrongRoleToken: string | undefined;
  weight: number;
}

/**
 * What a request tests, so the targets count it in the right place: `handler` requests must get past
 * routing and authentication (≥ 80 % not 401/404); `path-variant` (case, encoding, bad ids) and
 * `auth` probes are expected to be refused there and are counted on their own.
 */
export type Category = 'handler' | 'path-variant' | 'auth';

export interface FuzzRequest {
  route: string;
  mutation: string;
  category: Category;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

type Json = unknown;
type PathKey = Array<string | number>;

// ---- hostile values --------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
/** a string with at least one lone UTF-16 surrogate: ill-formed, though valid JSON (`"\ud800"`) */
export const illFormed = fc.oneof(
  fc.constantFrom('a\ud800', '\udc00', '公积金\udbff', '\udfff\ud800', '\ud83d'),
  fc.tuple(fc.string({ maxLength: 8 }), loneSurrogate, fc.string({ maxLength: 8 })).map(([a, s, b]) => a + s + b),
);
const oddText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e\u202d',
  'é',
  '𠮷😀',
  '\ufeff',
  '\uffff',
  '%00',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
);
const boundaryNumber = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  1e21,
);
const wrongType = fc.oneof(fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }), fc.integer(), fc.string({ maxLength: 20 }));
const huge = fc.oneof(
  fc.constantFrom('很'.repeat(100_000), 'a'.repeat(300_000)),
  fc.constant(Array.from({ length: 20_000 }, (_, i) => i)),
  fc.constant(Array.from({ length: 5_000 }, () => '公积金')),
);
const deep = fc.integer({ min: 20, max: 1_000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as Json);
export const nastyValue = fc.oneof(
  { arbitrary: illFormed, weight: 4 },
  { arbitrary: oddText, weight: 2 },
  { arbitrary: boundaryNumber, weight: 2 },
  { arbitrary: wrongType, weight: 2 },
  { arbitrary: huge, weight: 1 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);
const nastyKey = fc.oneof(
  { arbitrary: illFormed, weight: 3 },
  { arbitrary: oddText, weight: 1 },
  { arbitrary: fc.constantFrom('extra', 'page', 'a'.repeat(10_000)), weight: 1 },
);

// ---- JSON surgery ----------------------------------------------------------------------------

function pathsOf(value: Json, prefix: PathKey = [], out: PathKey[] = []): PathKey[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function containersOf(value: Json): PathKey[] {
  return pathsOf(value).filter((p) => {
    const v = get(value, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
}

function get(value: Json, path: PathKey): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)?.[k], value);
}

/** A copy with the value at `path` replaced (`undefined` deletes an object key). */
function set(value: Json, path: PathKey, next: Json): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? set(v, rest, next) : v));
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && next === undefined) delete copy[head as string];
  else copy[head as string] = set(copy[head as string], rest, next);
  return copy;
}

/** Mutations of a JSON document (a body, or the query as an object): one change at one place. */
export function jsonMutation(value: Json): fc.Arbitrary<{ name: string; value: Json }> {
  const paths = pathsOf(value);
  const keyed = paths.filter((p) => p.length > 0 && typeof p[p.length - 1] === 'string');
  const containers = containersOf(value);
  const options: Array<fc.Arbitrary<{ name: string; value: Json }>> = [
    fc
      .tuple(fc.constantFrom(...paths), nastyValue)
      .map(([p, v]) => ({ name: `replace ${p.join('.') || '(root)'}`, value: set(value, p, v) })),
    fc
      .tuple(fc.constantFrom(...paths), illFormed)
      .map(([p, v]) => ({ name: `ill-formed ${p.join('.') || '(root)'}`, value: set(value, p, v) })),
  ];
  if (containers.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...containers), nastyKey, nastyValue)
        .map(([p, k, v]) => ({ name: `add key at ${p.join('.') || '(root)'}`, value: set(value, [...p, k], v) })),
    );
    options.push(
      fc.tuple(fc.constantFrom(...containers), illFormed).map(([p, k]) => {
        const target = get(value, p) as Record<string, Json>;
        const [first] = Object.keys(target);
        // rename an existing key to an ill-formed one (or add one to an empty object)
        const renamed =
          first === undefined
            ? { [k]: 'x' }
            : Object.fromEntries(Object.entries(target).map(([key, v]) => [key === first ? first + k : key, v]));
        return { name: `ill-formed key at ${p.join('.') || '(root)'}`, value: set(value, p, renamed) };
      }),
    );
  }
  if (keyed.length > 0)
    options.push(fc.constantFrom(...keyed).map((p) => ({ name: `drop ${p.join('.')}`, value: set(value, p, undefined) })));
  return fc.oneof(...options);
}

// ---- encoding a request ----------------------------------------------------------------------

/** Percent-encodes as UTF-8, except lone surrogates, which go out as their CESU-8 bytes (a broken client's encoding). */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function queryString(query: Record<string, unknown>, duplicate?: [string, unknown]): string {
  const parts: string[] = [];
  const push = (k: string, v: unknown) =>
    parts.push(`${percentEncode(k)}=${percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`);
  for (const [k, v] of Object.entries(query ?? {})) {
    // A short array as repeated keys (?k=1&k=2); a long one as one JSON value, so a long key times a long array stays small.
    if (Array.isArray(v) && v.length <= 20) for (const item of v) push(k, item);
    else push(k, v);
  }
  if (duplicate) push(...duplicate);
  return parts.length ? `?${parts.join('&')}` : '';
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => percentEncode(params[name] ?? ''));
}

function headersFor(base: BaseRequest, token: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

function build(
  base: BaseRequest,
  o: {
    mutation: string;
    category?: Category;
    path?: string;
    query?: Record<string, unknown>;
    body?: Json;
    raw?: Buffer;
    headers?: Record<string, string>;
    duplicate?: [string, unknown];
    token?: string | null;
  },
): FuzzRequest {
  const hasBody = base.method !== 'GET' && base.method !== 'DELETE';
  const body = o.raw ?? (hasBody && (o.body ?? base.body) !== undefined ? Buffer.from(JSON.stringify(o.body ?? base.body)) : undefined);
  return {
    route: base.route,
    mutation: o.mutation,
    category: o.category ?? 'handler',
    method: base.method,
    path: (o.path ?? fillPath(base.template, base.params)) + queryString(o.query ?? base.query, o.duplicate),
    headers: { ...headersFor(base, o.token === null ? undefined : (o.token ?? base.token)), ...o.headers },
    body,
  };
}

const rawBodies = fc.constantFrom(
  { name: 'truncated JSON', raw: Buffer.from('{"title": "unterminated') },
  { name: 'invalid UTF-8', raw: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: 'CESU-8 surrogate bytes', raw: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]) },
  { name: 'escaped lone surrogate as the whole body', raw: Buffer.from('"\\ud800"') },
  { name: 'duplicate keys', raw: Buffer.from('{"a":1,"a":"\\udc00"}') },
  { name: 'empty', raw: Buffer.alloc(0) },
  { name: 'over the body limit', raw: Buffer.from(JSON.stringify({ title: '很'.repeat(450_000) })) },
  { name: 'number', raw: Buffer.from('1e999') },
  { name: 'deep nesting', raw: Buffer.from('['.repeat(5_000) + ']'.repeat(5_000)) },
  { name: 'deep objects', raw: Buffer.from('{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000)) },
);

/** Every way to mutate one base request, weighted; the category says how the outcome is counted. */
export function mutations(base: BaseRequest): fc.Arbitrary<FuzzRequest> {
  const hasBody = base.method !== 'GET' && base.method !== 'DELETE' && base.body !== undefined;
  const hasQuery = Object.keys(base.query).length > 0;
  const paramNames = Object.keys(base.params);
  const arbs: Array<{ arbitrary: fc.Arbitrary<FuzzRequest>; weight: number }> = [
    { arbitrary: fc.constant(build(base, { mutation: 'valid' })), weight: 3 },
    {
      arbitrary: jsonMutation(base.query).map((m) =>
        build(base, { mutation: `query: ${m.name}`, query: m.value as Record<string, unknown> }),
      ),
      weight: hasQuery ? 4 : 1,
    },
    { arbitrary: rawBodies.map((r) => build(base, { mutation: `raw body: ${r.name}`, raw: r.raw })), weight: hasBody ? 2 : 0.5 },
    {
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=gbk',
          'application/json; charset=utf-16',
          'multipart/form-data; boundary=x',
        )
        .map((ct) => build(base, { mutation: `content-type ${ct}`, headers: { 'content-type': ct } })),
      weight: 0.5,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...(hasQuery ? Object.keys(base.query) : ['page'])), nastyValue)
        .map(([k, v]) => build(base, { mutation: `duplicate query key ${k}`, duplicate: [k, v] })),
      weight: 1,
    },
    {
      arbitrary: fc
        .stringMatching(/^[A-Za-z0-9._:-]{8,16}$/)
        .map((key) => build(base, { mutation: 'idempotency key', headers: { 'idempotency-key': key.slice(0, 3) + 'fuzzkey' } })),
      weight: base.method === 'POST' || base.method === 'PATCH' ? 0.5 : 0,
    },
    // Path variants: case and encoding of the route, and ids that name nothing. Expected 4xx.
    {
      arbitrary: fc.constantFrom('upper', 'upper-segment', 'encoded-letter', 'trailing-slash', 'double-slash', 'dot-segment').map((kind) =>
        build(base, {
          mutation: `path ${kind}`,
          category: 'path-variant',
          path: pathVariant(fillPath(base.template, base.params), kind),
        }),
      ),
      weight: 0.4,
    },
    // Auth probes: no token, a garbage token, a role the row does not allow. Expected 401/403.
    {
      arbitrary: fc.constantFrom('none', 'garbage', 'wrong-role').map((kind) =>
        build(base, {
          mutation: `auth ${kind}`,
          category: 'auth',
          token: kind === 'none' ? null : kind === 'garbage' ? 'abc.def.ghi' : (base.wrongRoleToken ?? null),
        }),
      ),
      weight: base.isPublic ? 0 : 0.3,
    },
  ];
  if (hasBody) {
    arbs.push({ arbitrary: jsonMutation(base.body).map((m) => build(base, { mutation: `body: ${m.name}`, body: m.value })), weight: 8 });
  }
  if (paramNames.length > 0) {
    arbs.push({
      arbitrary: fc
        .tuple(
          fc.constantFrom(...paramNames),
          fc.oneof(
            illFormed,
            oddText.filter((s) => s !== ''),
            fc.constantFrom('a'.repeat(5_000), '00000000-0000-4000-8000-000000000000'),
          ),
        )
        .map(([name, v]) =>
          build(base, {
            mutation: `path param ${name}`,
            category: 'path-variant',
            path: fillPath(base.template, { ...base.params, [name]: v }),
          }),
        ),
      weight: 0.5,
    });
  }
  const any = fc.oneof(
    ...arbs.filter((a) => a.weight > 0).map((a) => ({ arbitrary: a.arbitrary, weight: Math.max(1, Math.round(a.weight * 10)) })),
  );
  // Public routes: half of the requests anonymous, half with the caller's token.
  return fc.tuple(any, fc.boolean()).map(([req, anonymous]) => {
    if (!(anonymous && base.isPublic && req.category === 'handler')) return req;
    const { authorization: _dropped, ...headers } = req.headers;
    return { ...req, headers, mutation: `${req.mutation} (anonymous)` };
  });
}

function pathVariant(path: string, kind: string): string {
  switch (kind) {
    case 'upper':
      return path.toUpperCase();
    case 'upper-segment':
      return path.replace(/\/api\/v1\/([a-z])/, (_m, c: string) => `/api/v1/${c.toUpperCase()}`);
    case 'encoded-letter':
      return path.replace(/\/api\/v1\/([a-z])/, (_m, c: string) => `/api/v1/%${c.charCodeAt(0).toString(16)}`);
    case 'trailing-slash':
      return `${path}/`;
    case 'double-slash':
      return path.replace('/api/v1/', '/api/v1//');
    default:
      return path.replace('/api/v1/', '/api/v1/./');
  }
}
