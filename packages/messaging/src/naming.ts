import { DEAD_LETTER_STREAM, DEPARTMENT_CONSUMERS, consumers, streams, type ConsumerSpec } from '@govdisc/contracts';

/**
 * Applies an optional subject prefix (e.g. "t42.") to subjects and stream names, so test runs and
 * tenants can share one NATS server without seeing each other's events.
 */
export class BusNaming {
  constructor(readonly prefix = '') {
    if (prefix && !/^[A-Za-z0-9_-]+\.$/.test(prefix)) throw new Error(`invalid subject prefix "${prefix}"`);
  }

  subject(name: string): string {
    return this.prefix + name;
  }

  stream(name: string): string {
    return this.prefix ? `${this.prefix.slice(0, -1).toUpperCase()}_${name}` : name;
  }

  /** Every stream to create: the domain streams plus the dead-letter stream. */
  streamSpecs(): Array<{ name: string; subjects: string[] }> {
    const domain = Object.entries(streams).map(([name, spec]) => ({
      name: this.stream(name),
      subjects: spec.subjects.map((s) => this.subject(s)),
    }));
    return [...domain, { name: this.stream(DEAD_LETTER_STREAM), subjects: [this.subject('deadletter.>')] }];
  }

  consumerSpec(name: string): ConsumerSpec & { name: string } {
    const spec = (consumers as Record<string, ConsumerSpec>)[name] ?? DEPARTMENT_CONSUMERS[name];
    if (!spec) throw new Error(`unknown consumer "${name}": declare it in @govdisc/contracts streams.ts`);
    return { ...spec, name, stream: this.stream(spec.stream) as never, filterSubject: this.subject(spec.filterSubject) };
  }
}
