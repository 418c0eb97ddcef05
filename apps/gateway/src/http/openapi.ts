import { PUBLIC, z } from '@govdisc/contracts';
import { type TaggedRoute, pathParamsOf, successStatusOf } from '../routes/route-table.js';
import { API_PREFIX } from './api-prefix.js';

type JsonSchema = Record<string, unknown>;

/** OpenAPI schemas come straight from the zod contracts, so docs and validation cannot drift. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorSchema = {
  type: 'object',
  required: ['code', 'message', 'requestId'],
  properties: {
    code: { type: 'string', example: 'VALIDATION_FAILED' },
    message: { type: 'string', example: '提交的内容不符合要求，请按提示修改后重试。' },
    details: { type: 'object' },
    requestId: { type: 'string' },
  },
};
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

export interface DocumentInfo {
  /** The issuer's token URL, for the "Authorize" dialog (password grant). */
  tokenUrl: string;
}

/** The whole OpenAPI document, built from the route table: one operation per row, plus the ops endpoints. */
export function openApiDocument(rows: readonly TaggedRoute[], info: DocumentInfo): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {
    '/health': {
      get: { operationId: 'liveness', summary: 'Liveness: the process answers', tags: ['ops'], responses: { 200: { description: '' } } },
    },
    '/ready': {
      get: {
        operationId: 'readiness',
        summary: 'Readiness: NATS and the database answer (503 otherwise)',
        tags: ['ops'],
        responses: { 200: { description: '' }, 503: { description: '' } },
      },
    },
  };
  for (const row of rows) {
    const template = `/${API_PREFIX}${row.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
    (paths[template] ??= {})[row.method.toLowerCase()] = operationOf(row);
  }
  return {
    openapi: '3.0.0',
    info: {
      title: '政务公开平台 API · Government information disclosure platform',
      description:
        'Policy library, Q&A, service guides, information-disclosure requests and notifications. ' +
        'Every error has the body `{ code, message, details?, requestId }`.',
      version: '1',
    },
    tags: [...new Set(rows.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from Keycloak (or the embedded issuer)' },
        oauth2: {
          type: 'oauth2',
          description: 'Demo logins: citizen1 / demo-citizen1, editor1 / demo-editor1, … (client id govdisc-web)',
          flows: { password: { tokenUrl: info.tokenUrl, scopes: {} } },
        },
      },
    },
  };
}

function operationOf(row: TaggedRoute): JsonSchema {
  const pathParams = pathParamsOf(row.path);
  const inputSchema = row.publicInput ?? row.rpc?.request;
  const input = inputSchema ? jsonSchemaOf(inputSchema, 'input') : undefined;
  const properties = (input?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input?.required as string[] | undefined) ?? []);
  const parameters: JsonSchema[] = pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
  }));
  if (row.input === 'query') {
    for (const [name, schema] of Object.entries(properties)) {
      if (!pathParams.includes(name)) parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  const output = row.output ?? row.rpc?.response;
  const op: JsonSchema = {
    operationId: `${row.key}.${row.method.toLowerCase()}${row.path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    summary: row.summary,
    description: row.rpc ? `NATS subject: \`${row.rpc.subject}\`` : `Calls ${row.describe ?? 'no service'}`,
    tags: [row.tag],
    parameters,
    responses: {
      [successStatusOf(row)]: {
        description: '',
        ...(output
          ? { content: { [row.text ? row.text.contentType : 'application/json']: { schema: jsonSchemaOf(output, 'output') } } }
          : {}),
      },
      400: errorResponse('Invalid input (field-level issues in details.issues)'),
      ...(row.access === PUBLIC
        ? {}
        : {
            401: errorResponse('No token, or an invalid/expired one (AUTH_REQUIRED, AUTH_INVALID_TOKEN)'),
            403: errorResponse('Signed in without a role this route needs (FORBIDDEN)'),
          }),
      503: errorResponse('The owning service is not running'),
    },
    'x-access': { key: row.key, allowed: row.access },
  };
  if (row.input === 'body' && input) {
    const body = withoutProperties(input, pathParams);
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: row.example === undefined ? body : { ...body, example: row.example } } },
    };
  }
  if (row.access !== PUBLIC) op.security = [{ bearer: [] }, { oauth2: [] }];
  return op;
}

/** The body schema without the fields the path supplies (they are not sent in the body). */
function withoutProperties(schema: JsonSchema, names: string[]): JsonSchema {
  if (!names.length || !schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties as JsonSchema).filter(([k]) => !names.includes(k)));
  const required = ((schema.required as string[] | undefined) ?? []).filter((k) => !names.includes(k));
  return { ...schema, properties, ...(required.length ? { required } : { required: undefined }) };
}
