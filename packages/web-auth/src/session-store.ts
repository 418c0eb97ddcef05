/** What the web server keeps per signed-in person; none of it ever goes to the browser. */
export interface Session {
  id: string;
  /** The id token's subject and display name. */
  subject: string;
  name: string;
  roles: string[];
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  refreshToken?: string;
  idToken: string;
  /** The synchronizer token that forms and server actions of this session must send back. */
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Where sessions live; the in-memory one below, or a database table behind the same interface. */
export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  set(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface MemorySessionStoreLimits {
  /** Sessions kept at most; past it the least recently used one is dropped (that person signs in again). */
  maxSessions: number;
  /** A session unused this long is gone. */
  idleMilliseconds: number;
  /** A session older than this is gone however active (the refresh token's own limit applies too). */
  absoluteMilliseconds: number;
  now?: () => number;
}

export const MEMORY_STORE_DEFAULTS: MemorySessionStoreLimits = {
  maxSessions: 10_000,
  idleMilliseconds: 30 * 60_000,
  absoluteMilliseconds: 10 * 60 * 60_000,
};

/**
 * Sessions in this process' memory (see docs/adr/0007): lost on restart, not shared between replicas,
 * bounded in number and age. A Map keeps insertion order, so re-inserting on use makes it an LRU.
 */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;

  constructor(private readonly limits: MemorySessionStoreLimits = MEMORY_STORE_DEFAULTS) {
    this.now = limits.now ?? Date.now;
  }

  get size(): number {
    return this.sessions.size;
  }

  async get(id: string): Promise<Session | undefined> {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.now();
    if (now - session.lastSeenAt > this.limits.idleMilliseconds || now - session.createdAt > this.limits.absoluteMilliseconds) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  async set(session: Session): Promise<void> {
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    while (this.sessions.size > this.limits.maxSessions) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
    }
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }
}
