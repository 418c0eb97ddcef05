import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { type RpcContract, z } from '@govdisc/contracts';

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

interface RouteDoc {
  summary: string;
  /** Where the contract's request comes from in HTTP: the JSON body, or the query string. */
  input?: 'body' | 'query';
  example?: unknown;
  /** Which request fields are path parameters (documented by @Param, excluded from the query list). */
  pathParams?: string[];
}

export function ApiRoute(contract: RpcContract<z.ZodType, z.ZodType>, doc: RouteDoc) {
  const decorators = [
    ApiOperation({ summary: doc.summary, description: `NATS subject: \`${contract.subject}\`` }),
    ApiOkResponse({ schema: jsonSchemaOf(contract.response, 'output') }),
    ApiResponse({ status: 400, description: 'Invalid input (field-level issues in details.issues)', schema: errorSchema }),
    ApiResponse({ status: 503, description: 'The owning service is not running', schema: errorSchema }),
  ];
  const input = jsonSchemaOf(contract.request, 'input');
  if (doc.input === 'body') {
    decorators.push(ApiBody({ schema: doc.example === undefined ? input : { ...input, example: doc.example } }));
  }
  if (doc.input === 'query') {
    const props = (input.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((input.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props)) {
      if (doc.pathParams?.includes(name)) continue;
      decorators.push(ApiQuery({ name, required: required.has(name), schema }));
    }
  }
  return applyDecorators(...decorators);
}
