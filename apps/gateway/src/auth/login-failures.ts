/** Keycloak's brute-force detection settings, as in the realm export (names and meaning kept). */
export interface BruteForcePolicy {
  bruteForceProtected: boolean;
  /** Failures that lock the account, then again at every further multiple of it. */
  failureFactor: number;
  /** The n-th lockout lasts n × this. */
  waitIncrementSeconds: number;
  maxFailureWaitSeconds: number;
  /** A failure this long after the previous one starts counting from zero again. */
  maxDeltaTimeSeconds: number;
  /** Two failures closer than this lock for minimumQuickLoginWaitSeconds (a script, not a person). */
  quickLoginCheckMilliSeconds: number;
  minimumQuickLoginWaitSeconds: number;
}

/** Keycloak's defaults for every setting the realm export leaves out. */
export const KEYCLOAK_BRUTE_FORCE_DEFAULTS: BruteForcePolicy = {
  bruteForceProtected: false,
  failureFactor: 30,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  maxDeltaTimeSeconds: 43_200,
  quickLoginCheckMilliSeconds: 1_000,
  minimumQuickLoginWaitSeconds: 60,
};

interface Record {
  failures: number;
  lastFailure: number;
  notBefore: number;
}

/**
 * Failed sign-ins per key (a user, a client, a client address) with Keycloak's temporary lockout
 * ("MULTIPLE" strategy, permanent lockout off): every failureFactor-th failure locks for
 * waitIncrementSeconds × (failures / failureFactor), at most maxFailureWaitSeconds; two failures
 * within quickLoginCheckMilliSeconds lock for minimumQuickLoginWaitSeconds; a failure more than
 * maxDeltaTimeSeconds after the previous one starts from zero; a success clears the key. Attempts
 * during a lockout are refused without counting. Memory is bounded.
 */
export class LoginFailures {
  private readonly records = new Map<string, Record>();

  constructor(
    private readonly policy: BruteForcePolicy,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds until the key may try again; 0 when it may now. */
  lockedForSeconds(key: string): number {
    if (!this.policy.bruteForceProtected) return 0;
    const r = this.records.get(key);
    const now = this.now();
    return r && r.notBefore > now ? Math.ceil((r.notBefore - now) / 1000) : 0;
  }

  failure(key: string): void {
    if (!this.policy.bruteForceProtected) return;
    const p = this.policy;
    const now = this.now();
    const r = this.records.get(key) ?? { failures: 0, lastFailure: 0, notBefore: 0 };
    const delta = r.lastFailure > 0 ? now - r.lastFailure : 0;
    if (delta > p.maxDeltaTimeSeconds * 1000) r.failures = 0;
    r.failures += 1;
    let wait = r.failures % p.failureFactor === 0 ? p.waitIncrementSeconds * (r.failures / p.failureFactor) : 0;
    if (wait === 0 && r.lastFailure > 0 && delta < p.quickLoginCheckMilliSeconds) wait = p.minimumQuickLoginWaitSeconds;
    r.lastFailure = now;
    if (wait > 0) r.notBefore = now + Math.min(p.maxFailureWaitSeconds, wait) * 1000;
    this.records.delete(key); // re-insert: the map's order is the order of last activity
    this.records.set(key, r);
    this.evict();
  }

  success(key: string): void {
    this.records.delete(key);
  }

  /** Past the bound the least recently failing key is forgotten (addresses are unbounded, users are not). */
  private evict(): void {
    while (this.records.size > this.maxKeys) this.records.delete(this.records.keys().next().value!);
  }
}
