import type { LiveSession } from './session.repository.ts';

/**
 * A short-lived in-process cache of live sessions, so an authenticated request does not need a
 * database round trip just to learn who is asking. Logout, password changes and deactivation in
 * this process evict at once; another server process notices within TTL_MS, a bound we accept.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly entries = new Map<string, { session: LiveSession; until: number }>();

  get(id: string, now: number): LiveSession | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until <= now || entry.session.expiresAt.getTime() <= now) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.session;
  }

  set(id: string, session: LiveSession, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { session, until: now + TTL_MS });
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  forgetUser(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.session.actor.userId === userId) this.entries.delete(id);
  }
}
