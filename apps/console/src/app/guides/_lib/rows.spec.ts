import { listOf, numberOr, rowsOf } from './rows';

test('rows come back in screen order, deleted indices skipped, empty rows dropped', () => {
  const form = new FormData();
  form.append('materials.3.name', '户口簿');
  form.append('materials.3.form', '纸质');
  form.append('materials.0.name', ' 居民身份证 ');
  form.append('materials.0.required', 'true');
  form.append('materials.5.name', '');
  form.append('materials.5.form', '纸质');
  form.append('steps.0.name', '申请');
  expect(rowsOf(form, 'materials', ['form', 'required'])).toEqual([
    { name: '居民身份证', required: 'true' },
    { name: '户口簿', form: '纸质' },
  ]);
  expect(rowsOf(form, 'steps')).toEqual([{ name: '申请' }]);
});

test('numbers and lists', () => {
  expect([numberOr(''), numberOr('3'), numberOr(undefined)]).toEqual([undefined, 3, undefined]);
  expect(listOf('12345、0731-1234,  12329')).toEqual(['12345', '0731-1234', '12329']);
});
