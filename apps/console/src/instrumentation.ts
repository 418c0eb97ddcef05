import { readWebAuthConfig } from '@govdisc/web-auth';
import { consoleAuthEnv } from './lib/auth';

/** Runs once at server start: a wrong sign-in setting stops the console with a message naming the variable. */
export function register(): void {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  readWebAuthConfig(consoleAuthEnv(), 'console');
}
