import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './env.js';

/** DI token of this app's validated config. */
export const POLICY_CONFIG = Symbol('POLICY_CONFIG');

@Global()
@Module({})
export class PolicyConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: PolicyConfigModule, providers: [{ provide: POLICY_CONFIG, useValue: config }], exports: [POLICY_CONFIG] };
  }
}
