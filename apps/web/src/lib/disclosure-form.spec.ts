import { type Values, last4, requestBody, validate } from './disclosure-form';

const valid: Values = {
  type: 'NATURAL_PERSON',
  name: '张三',
  idType: 'RESIDENT_ID',
  idNumber: '11010519491231002X',
  phone: '138 0013 8000',
  email: '',
  address: '',
  title: '',
  docNumber: '',
  description: '江政发〔2024〕3号的实施细则',
  purpose: '',
  deliveryForm: 'DOWNLOAD',
};

describe('the disclosure request form rules', () => {
  it('accepts a complete request and builds the gateway body without empty optional fields', () => {
    expect(validate(valid)).toEqual({});
    const body = requestBody(valid);
    expect(body.applicant).toEqual({
      type: 'NATURAL_PERSON',
      name: '张三',
      idType: 'RESIDENT_ID',
      idNumber: '11010519491231002X',
      phone: '138 0013 8000',
    });
    expect(body).not.toHaveProperty('title');
    expect(body.channel).toBe('ONLINE');
  });

  it('names every missing required field in Chinese', () => {
    const errors = validate({ ...valid, name: '', idNumber: '', phone: '', description: '', deliveryForm: '' });
    expect(errors).toEqual({
      name: '请填写姓名或名称',
      idNumber: '请填写证件号码',
      phone: '请填写联系电话，查询进度时需要手机号后四位',
      description: '请描述您需要的政府信息',
      deliveryForm: '请选择获取信息的方式',
    });
  });

  it('checks formats and the fields a delivery form needs', () => {
    expect(validate({ ...valid, idNumber: '12345' }).idNumber).toContain('18 位');
    expect(validate({ ...valid, phone: 'abc' }).phone).toContain('格式不正确');
    expect(validate({ ...valid, deliveryForm: 'EMAIL' }).email).toContain('请填写电子邮箱');
    expect(validate({ ...valid, email: 'not-an-email' }).email).toContain('格式不正确');
    expect(validate({ ...valid, deliveryForm: 'PAPER' }).address).toContain('通信地址');
    expect(validate({ ...valid, description: '太短' }).description).toContain('至少写 5 个字');
    expect(validate({ ...valid, type: 'ROBOT' }).type).toBe('请选择申请人类型');
    expect(validate({ ...valid, name: '名'.repeat(101) }).name).toBe('姓名或名称不能超过 100 个字');
  });

  it('takes the last four digits of a phone, masked or not', () => {
    expect(last4('138****8000')).toBe('8000');
    expect(last4('+86 138-0013-8000')).toBe('8000');
    expect(last4('12')).toBe('');
    expect(last4(null)).toBe('');
  });
});
