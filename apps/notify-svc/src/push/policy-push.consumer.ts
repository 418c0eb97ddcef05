import { Injectable } from '@nestjs/common';
import { documentAmended, documentPublished, documentRepealed, Envelope, ErrorCode, parseOrThrow } from '@govdisc/contracts';
import { processOnce } from '@govdisc/messaging';
import { ConsumerDeps, EventConsumerHost } from '@govdisc/service-kit';
import { PrismaService } from '../infra/prisma.service.js';
import { policyTerms } from '../subscription/search-terms.js';
import { FanoutRepository, type NewFanout, type PolicyChange } from './fanout.repository.js';
import { FanoutWorker } from './fanout-worker.service.js';
import { pushMessage } from './push-message.js';

export const POLICY_PUSH_CONSUMER = 'notify-svc__policy-push';

/**
 * policy.document.published / .amended / .repealed → one fan-out job (政策推送), recorded with the
 * processed-event marker and acknowledged at once: telling the subscribers is the FanoutWorker's, so
 * this consumer stays fast however many there are. Other policy events (expired…) are acknowledged
 * without effect.
 */
@Injectable()
export class PolicyPushConsumer extends EventConsumerHost {
  protected readonly consumerName = POLICY_PUSH_CONSUMER;

  constructor(
    deps: ConsumerDeps,
    private readonly prisma: PrismaService,
    private readonly jobs: FanoutRepository,
    private readonly worker: FanoutWorker,
  ) {
    super(deps);
  }

  protected async handle(raw: unknown): Promise<boolean> {
    const job = fanoutOf(raw);
    if (!job) return true;
    const done = await this.prisma.$transaction((tx) =>
      processOnce(tx, this.consumerName, job.eventId, async () => {
        await this.jobs.add(job, tx);
      }),
    );
    this.worker.wake();
    return done;
  }
}

/** The fan-out job of a policy event, or null for a policy event nobody subscribes to. */
export function fanoutOf(raw: unknown): NewFanout | null {
  const { type } = parseOrThrow(Envelope, raw, ErrorCode.MALFORMED_MESSAGE);
  if (type === documentPublished.type) {
    const e = documentPublished.parse(raw);
    return job(e, 'PUBLISHED', { ...e.payload });
  }
  const change: PolicyChange | null = type === documentAmended.type ? 'AMENDED' : type === documentRepealed.type ? 'REPEALED' : null;
  if (!change) return null;
  const e = (change === 'AMENDED' ? documentAmended : documentRepealed).parse(raw);
  return job(e, change, { ...e.payload, docNumber: null });
}

function job(
  e: { id: string; type: string },
  change: PolicyChange,
  p: {
    documentId: string;
    version: number;
    title: string;
    docNumber?: string | null;
    agency?: string | null;
    region?: string | null;
    summary?: string | null;
    topicCodes?: string[];
  },
): NewFanout {
  const text = pushMessage({ change, ...p });
  return {
    eventId: e.id,
    eventType: e.type,
    documentId: p.documentId,
    version: p.version,
    change,
    ...text,
    agency: p.agency?.replace(/\s+/g, '') || null,
    region: p.region?.replace(/\s+/g, '') || null,
    topicCodes: p.topicCodes ?? [],
    terms: policyTerms(p.title, p.summary),
  };
}
