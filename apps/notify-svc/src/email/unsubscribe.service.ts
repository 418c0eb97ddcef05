import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import { type EmailSettings, EMAIL_SETTINGS } from './email.settings.js';
import { EmailRepository } from './email.repository.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

/** Honours a one-click unsubscribe link: the signed address gets no more email (the inbox is unaffected). */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger(UnsubscribeService.name);

  constructor(
    private readonly emails: EmailRepository,
    @Inject(EMAIL_SETTINGS) private readonly settings: EmailSettings,
  ) {}

  async unsubscribe(token: string): Promise<{ unsubscribed: true }> {
    const address = this.settings.secret ? verifyUnsubscribeToken(token, this.settings.secret) : null;
    if (!address) throw new DomainError(ErrorCode.NOTIFY_UNSUBSCRIBE_TOKEN_INVALID);
    await this.emails.unsubscribe(address);
    this.logger.log('an address unsubscribed from email notifications');
    return { unsubscribed: true };
  }
}
