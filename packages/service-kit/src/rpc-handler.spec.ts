import { AUTHENTICATED, type Access, EDITORS, PUBLIC, defineRpc, z } from '@govdisc/contracts';
import { RpcException } from '@nestjs/microservices';
import { RpcHandler, type RpcMeta } from './rpc-handler.js';

/** A handler for a contract with this access, called the way the NATS transport calls it. */
function handlerFor(access: Access) {
  const contract = defineRpc(`rpc.test.access.${typeof access === 'string' ? access : access.join('-')}`, {
    access,
    request: z.object({}),
    response: z.object({ ok: z.literal(true) }),
  });
  class Handlers {
    @RpcHandler(contract)
    async handle() {
      return { ok: true as const };
    }
  }
  const method = new Handlers().handle as unknown as (raw: unknown) => Promise<unknown>;
  return async (roles: string[] | null) => {
    try {
      return await method({ actor: roles && { sub: 'u-1', roles }, payload: {} });
    } catch (error) {
      return ((error as RpcException).getError() as { code: string }).code;
    }
  };
}

test("the handler enforces the contract's access: no say of its own", async () => {
  const editorsOnly = handlerFor(EDITORS);
  expect(await editorsOnly(['admin'])).toEqual({ ok: true });
  expect(await editorsOnly(['editor', 'citizen'])).toEqual({ ok: true });
  expect(await editorsOnly(['reviewer'])).toBe('FORBIDDEN');
  expect(await editorsOnly(null)).toBe('AUTH_REQUIRED');

  const signedIn = handlerFor(AUTHENTICATED);
  expect(await signedIn([])).toEqual({ ok: true });
  expect(await signedIn(null)).toBe('AUTH_REQUIRED');

  expect(await handlerFor(PUBLIC)(null)).toEqual({ ok: true });
});

test("the handler gets the caller's idempotency key in its meta (a retry after a timeout can be answered with what was stored)", async () => {
  const contract = defineRpc('rpc.test.idempotency.echo', {
    access: PUBLIC,
    request: z.object({}),
    response: z.object({ key: z.string() }),
  });
  class Handlers {
    @RpcHandler(contract)
    async handle(_: object, meta: RpcMeta) {
      return { key: meta.idempotencyKey ?? 'none' };
    }
  }
  const method = new Handlers().handle as unknown as (raw: unknown) => Promise<unknown>;
  expect(await method({ actor: null, payload: {}, idempotencyKey: 'gw1:abcdef0123' })).toEqual({ key: 'gw1:abcdef0123' });
  expect(await method({ actor: null, payload: {} })).toEqual({ key: 'none' });
});
