import { missingContactErrors, preferencesBody, valuesOfPreferences } from './preferences-form';

test('the flat form values become the gateway body and back, empty contacts as null and quiet hours only when ticked', () => {
  const values = {
    ch_inbox: '1',
    ch_email: '1',
    ch_sms: '',
    ch_wechat: '',
    email: 'a@example.com',
    phone: '',
    wechatOpenId: '',
    quiet: '1',
    quietStart: '22:00',
    quietEnd: '07:30',
    digestHour: '8',
    optedOut: '',
  };
  const body = preferencesBody(values);
  expect(body).toEqual({
    channels: { inbox: true, email: true, sms: false, wechat: false },
    email: 'a@example.com',
    phone: null,
    wechatOpenId: null,
    quietHours: { start: '22:00', end: '07:30' },
    digestHour: 8,
    optedOut: false,
  });
  expect(valuesOfPreferences(body)).toEqual(values);
  expect(preferencesBody({ ...values, quiet: '', digestHour: '0' })).toMatchObject({ quietHours: null, digestHour: 0 });
  expect(preferencesBody({ ...values, digestHour: '' }).digestHour).toBeNull();
});

test('a channel on without its contact names the contact field', () => {
  expect(missingContactErrors(['sms', 'wechat'])).toEqual({
    phone: '开启短信提醒前，请填写手机号码。',
    wechatOpenId: '开启微信订阅消息提醒前，请填写微信 OpenID。',
  });
  expect(missingContactErrors(undefined)).toEqual({});
});
