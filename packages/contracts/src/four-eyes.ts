import type { Actor } from './common.js';
import { DomainError, ErrorCode } from './errors.js';

/**
 * Four-eyes publishing, one rule for every kind of public content (policy documents, Q&A pairs,
 * service guides): whoever wrote or last edited a version never publishes it, admins included.
 */

/** Refuses a publish by the version's author or last editor (`editedBy` null: written before authors were recorded). */
export function assertNotOwnVersion(input: { actor: Actor; editedBy: string | null; details?: Record<string, unknown> }): void {
  if (input.editedBy !== null && input.editedBy === input.actor.sub) {
    throw new DomainError(ErrorCode.CONTENT_SELF_PUBLISH, undefined, { ...input.details, editedBy: input.editedBy });
  }
}

/** The authorship columns every kind of public content keeps (see each service's schema). */
export interface Authorship {
  editedBy: string | null;
  publishedBy: string | null;
  pendingEditedBy: string | null;
  pendingEditedAt: Date | null;
}

/**
 * Who wrote and published the shown version, and an edit waiting for review, for staff eyes only.
 * `pendingSummary` names the waiting edit (its title or name), null when there is none.
 */
export function authorshipView<S extends Record<string, string>>(item: Authorship, pendingSummary: S | null) {
  return {
    editedBy: item.editedBy,
    publishedBy: item.publishedBy,
    pendingEdit:
      pendingSummary && item.pendingEditedBy && item.pendingEditedAt
        ? { ...pendingSummary, editedBy: item.pendingEditedBy, editedAt: item.pendingEditedAt.toISOString() }
        : null,
  };
}
