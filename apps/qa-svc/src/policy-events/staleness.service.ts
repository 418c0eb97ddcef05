import { Injectable, Logger } from '@nestjs/common';
import { type DocumentLifecycleV1, type Envelope, type PolicyLifecycleReason, pairNeedsUpdate, type z } from '@govdisc/contracts';
import { flagCitingOnce } from '@govdisc/messaging';
import { OutboxRelayHost } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';
import { PairRepository, type Tx } from '../pair/pair.repository.js';

export const POLICY_CHANGED_CONSUMER = 'qa-svc__policy-document-changed';

/**
 * A cited document was amended, repealed or expired: every pair citing it leaves the public view
 * (NEEDS_UPDATE), its citations are marked STALE, and its owners are told (qa.pair.needs-update).
 */
@Injectable()
export class StalenessService {
  private readonly logger = new Logger(StalenessService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly pairs: PairRepository,
    private readonly outbox: OutboxRelayHost,
  ) {}

  async onDocumentChanged(envelope: Envelope<z.output<typeof DocumentLifecycleV1>>, reason: PolicyLifecycleReason): Promise<boolean> {
    const { documentId } = envelope.payload;
    const run = (work: (tx: Tx) => Promise<boolean>) => this.prisma.$transaction(work);
    const { fresh, told } = await flagCitingOnce(run, POLICY_CHANGED_CONSUMER, envelope, async (ids, tx) => {
      const events = [];
      for (const pair of await this.pairs.findCiting(ids, tx)) {
        await this.pairs.markCitationsStale(pair.id, ids, tx);
        if (pair.status === 'RETIRED' || pair.status === 'NEEDS_UPDATE') continue; // owners were told already
        const updated = await this.pairs.update(pair.id, { status: 'NEEDS_UPDATE' }, undefined, tx);
        await this.pairs.addRevision(updated, { action: `FLAGGED_${reason}`, actorSub: 'system', note: `policy ${documentId}` }, tx);
        events.push(
          pairNeedsUpdate.make(
            { pairId: pair.id, question: pair.question, ownerDepartment: pair.ownerDepartment, documentId, reason },
            { source: 'qa-svc', correlationId: envelope.correlationId, causationId: envelope.id },
          ),
        );
      }
      return events;
    });
    if (told) {
      this.logger.log({ documentId, reason, flagged: told }, 'Q&A pairs citing a changed policy need an update');
      this.outbox.relay.nudge();
    }
    return fresh;
  }
}
