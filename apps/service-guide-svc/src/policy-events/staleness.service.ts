import { Injectable, Logger } from '@nestjs/common';
import { type DocumentLifecycleV1, type Envelope, type PolicyLifecycleReason, matterNeedsUpdate, type z } from '@govdisc/contracts';
import { flagCitingOnce } from '@govdisc/messaging';
import { OutboxRelayHost } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';
import { MatterRepository, type Tx } from '../matter/matter.repository.js';

export const POLICY_CHANGED_CONSUMER = 'service-guide-svc__policy-document-changed';

/**
 * A policy of a matter's legal basis (cited by id or externalId) was amended, repealed or expired: the
 * matter is flagged `needsUpdate` (reason, policy, when) for staff, and its department's editors are told
 * (guide.matter.needs-update, through the outbox). The public guide keeps serving: a citizen still needs
 * to know how to apply, and the editors decide what changes. The next save by an editor clears the flag.
 * Exactly once per event (processOnce); a matter already flagged is flagged again (newest policy and
 * time) but its editors are not told twice.
 */
@Injectable()
export class StalenessService {
  private readonly logger = new Logger(StalenessService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly matters: MatterRepository,
    private readonly outbox: OutboxRelayHost,
  ) {}

  async onDocumentChanged(envelope: Envelope<z.output<typeof DocumentLifecycleV1>>, reason: PolicyLifecycleReason): Promise<boolean> {
    const { documentId } = envelope.payload;
    const run = (work: (tx: Tx) => Promise<boolean>) => this.prisma.$transaction(work);
    const { fresh, told } = await flagCitingOnce(run, POLICY_CHANGED_CONSUMER, envelope, async (ids, tx) => {
      const events = [];
      for (const matter of await this.matters.findCiting(ids, { publishedOnly: false }, tx)) {
        const wasFlagged = matter.needsUpdate;
        await this.matters.markNeedsUpdate(matter.id, { reason, policyId: documentId }, tx);
        if (wasFlagged || matter.status !== 'PUBLISHED') continue; // editors were told already, or a draft's editor is at work
        events.push(
          matterNeedsUpdate.make(
            { matterId: matter.id, code: matter.code, name: matter.name, department: matter.department, documentId, reason },
            { source: 'service-guide-svc', correlationId: envelope.correlationId, causationId: envelope.id },
          ),
        );
      }
      return events;
    });
    if (told) {
      this.logger.log({ documentId, reason, flagged: told }, 'service guides citing a changed policy need an update');
      this.outbox.relay.nudge();
    }
    return fresh;
  }
}
