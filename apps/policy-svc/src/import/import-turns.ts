import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { EventEmitter } from 'node:events';
import { ImportJobRepository } from './import-job.repository.js';

const WAIT_MS = 60_000;
const POLL_MS = 50;

/**
 * Keeps a job's batches in order when a client sends the next one before the previous is saved: a
 * batch naming `after` (the previous batch's last line) is saved once the job's last line reached it.
 * Saves in this process wake waiters at once; saves by another replica are seen by polling the job.
 */
@Injectable()
export class ImportTurns {
  private readonly saves = new EventEmitter().setMaxListeners(0);

  constructor(private readonly jobs: ImportJobRepository) {}

  async wait(jobId: string, after: number | undefined): Promise<void> {
    if (after === undefined) return;
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const job = await this.jobs.findById(jobId);
      if (!job || job.lastLine >= after) return;
      if (Date.now() > deadline)
        throw new DomainError(ErrorCode.POLICY_IMPORT_OUT_OF_ORDER, undefined, { jobId, after, lastLine: job.lastLine });
      await this.nextSave(jobId);
    }
  }

  /** Called after a batch of the job committed. */
  saved(jobId: string): void {
    this.saves.emit(jobId);
  }

  private nextSave(jobId: string): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.saves.off(jobId, done);
        resolve();
      };
      const timer = setTimeout(done, POLL_MS);
      this.saves.once(jobId, done);
    });
  }
}
