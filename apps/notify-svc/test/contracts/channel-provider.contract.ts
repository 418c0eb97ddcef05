import { randomUUID } from 'node:crypto';
import { type ChannelProvider, ChannelSendError, type OutgoingMessage } from '../../src/channels/channel-provider.port.js';

/**
 * What every SMS / WeChat subscription-message provider must do, run against the default ones
 * (src/channels/log-providers.spec.ts) and against any real one before it is plugged in:
 * `describeChannelProviderContract('acme sms', () => new AcmeSmsProvider(sandboxConfig), sandboxAddress)`.
 */
export function describeChannelProviderContract(label: string, make: () => ChannelProvider, validAddress: string) {
  describe(`channel provider contract: ${label}`, () => {
    const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
      deliveryId: randomUUID(),
      to: validAddress,
      title: '政策推送：江东市住房公积金提取管理办法',
      body: '江东市住房公积金管理中心新发布《江东市住房公积金提取管理办法》。请登录本平台查看全文。',
      ...over,
    });

    test('names its channel and itself, for the delivery log', () => {
      const p = make();
      expect(['sms', 'wechat']).toContain(p.channel);
      expect(p.name).toMatch(/^[a-z0-9-]+$/);
    });

    test('sends a Chinese message and answers a provider message id', async () => {
      const { providerMessageId } = await make().send(message());
      expect(providerMessageId).toEqual(expect.any(String));
      expect(providerMessageId.length).toBeGreaterThan(0);
    });

    test('the same delivery id twice is one message: the same provider message id (a resend after a crash)', async () => {
      const p = make();
      const m = message();
      expect((await p.send(m)).providerMessageId).toBe((await p.send(m)).providerMessageId);
      expect((await p.send(message())).providerMessageId).not.toBe((await p.send(m)).providerMessageId);
    });

    test('an address it cannot deliver to is a permanent refusal, not a retry', async () => {
      for (const to of ['', 'not an address', '12345']) {
        const refusal = make()
          .send(message({ to }))
          .then(
            () => null,
            (e: unknown) => e,
          );
        await expect(refusal).resolves.toBeInstanceOf(ChannelSendError);
        expect(((await refusal) as ChannelSendError).permanent).toBe(true);
      }
    });

    test('an empty message is refused permanently', async () => {
      await expect(make().send(message({ body: '  ' }))).rejects.toMatchObject({ permanent: true });
    });
  });
}
