import { describeChannelProviderContract } from '../../test/contracts/channel-provider.contract.js';
import { LogSmsProvider, LogWechatProvider } from './log-providers.js';

describeChannelProviderContract('default SMS (log)', () => new LogSmsProvider(), '13800138000');
describeChannelProviderContract('default WeChat subscription message (log)', () => new LogWechatProvider(), 'oAbCdEfGhIjKlMnOpQrStUvWxYz1');

test('an SMS longer than ten parts is refused for good', async () => {
  await expect(
    new LogSmsProvider().send({ deliveryId: 'd', to: '13800138000', title: '标题', body: '长'.repeat(700) }),
  ).rejects.toMatchObject({ permanent: true });
});
