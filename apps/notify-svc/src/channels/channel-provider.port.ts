/**
 * The port every SMS and WeChat subscription-message provider implements (a real one: an SMS gateway, the
 * 公众号/小程序 subscribe-message API). test/contracts/channel-provider.contract.ts is the suite each must pass.
 */
export type PushChannel = 'sms' | 'wechat';

export interface OutgoingMessage {
  /** Our delivery id: providers pass it as their idempotency/out id, so a resend after a crash is one message. */
  deliveryId: string;
  /** A mainland mobile number (sms) or an OpenID (wechat). */
  to: string;
  title: string;
  body: string;
}

export interface ChannelProvider {
  readonly channel: PushChannel;
  /** Recorded in the delivery log with each message it sent. */
  readonly name: string;
  /** Resolves with the provider's message id; the same deliveryId twice gives the same id. */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

/** A refusal; `permanent` (bad number, unknown OpenID, message rejected) means retrying cannot help. */
export class ChannelSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }
}

export const SMS_PROVIDER = Symbol('SmsProvider');
export const WECHAT_PROVIDER = Symbol('WechatProvider');
