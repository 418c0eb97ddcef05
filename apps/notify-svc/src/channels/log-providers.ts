import { ChannelSendError, type ChannelProvider, type OutgoingMessage } from './channel-provider.port.js';

/** Mainland mobile numbers, as SMS gateways accept them. */
const MOBILE = /^1[3-9]\d{9}$/;
/** WeChat OpenIDs: 28 characters of [A-Za-z0-9_-] in practice; accept 6–128 so test and sandbox ids pass. */
const OPEN_ID = /^[A-Za-z0-9_-]{6,128}$/;
/** One SMS of up to 10 concatenated parts (67 characters each in UCS-2). */
const SMS_MAX = 670;

function check(m: OutgoingMessage, valid: RegExp, what: string) {
  if (!valid.test(m.to)) throw new ChannelSendError(`not a valid ${what}: ${m.to.slice(0, 4)}…`, true);
  if (!m.body.trim()) throw new ChannelSendError('empty message', true);
}

/**
 * The default SMS provider: sends nothing, and the delivery log row (channel_delivery, provider "log") is
 * the record of the message. Deployments plug a real gateway into the same port.
 */
export class LogSmsProvider implements ChannelProvider {
  readonly channel = 'sms' as const;
  readonly name = 'log';

  async send(m: OutgoingMessage): Promise<{ providerMessageId: string }> {
    check(m, MOBILE, 'mobile number');
    if (`${m.title}\n${m.body}`.length > SMS_MAX) throw new ChannelSendError(`longer than ${SMS_MAX} characters`, true);
    return { providerMessageId: `log-sms-${m.deliveryId}` };
  }
}

/** The default WeChat subscription-message provider: records the message in the delivery log only. */
export class LogWechatProvider implements ChannelProvider {
  readonly channel = 'wechat' as const;
  readonly name = 'log';

  async send(m: OutgoingMessage): Promise<{ providerMessageId: string }> {
    check(m, OPEN_ID, 'OpenID');
    return { providerMessageId: `log-wechat-${m.deliveryId}` };
  }
}
