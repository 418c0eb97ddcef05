import { Controller, Get, HttpCode, Injectable, Res } from '@nestjs/common';
import type { Response } from 'express';

export type CheckResult = 'up' | 'down';
export type ReadinessCheck = () => Promise<unknown>;

/** Apps register the dependencies they need to serve (database, NATS, …); /ready runs them all. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async run(timeoutMs = 2_000): Promise<{ status: CheckResult; checks: Record<string, CheckResult> }> {
    const entries = await Promise.all([...this.checks].map(async ([name, check]) => [name, await settle(check, timeoutMs)] as const));
    const checks = Object.fromEntries(entries);
    const allUp = !this.shuttingDown && entries.every(([, r]) => r === 'up');
    return { status: allUp ? 'up' : 'down', checks };
  }
}

async function settle(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)))]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  /** Liveness: the process answers. */
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'up' };
  }

  /** Readiness: every dependency answers; 503 otherwise so load balancers stop routing here. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const result = await this.readiness.run();
    res.status(result.status === 'up' ? 200 : 503);
    return result;
  }
}

/** Registers the database check most services need. */
export function registerDatabaseReadiness(readiness: ReadinessRegistry, db: { $queryRawUnsafe(query: string): Promise<unknown> }): void {
  readiness.register('database', () => db.$queryRawUnsafe('SELECT 1'));
}
