'use client';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';

dayjs.locale('zh-cn');

/**
 * A date in Chinese (antd DatePicker, zh_CN calendar; typing 2026-06-15 works too) posted as YYYY-MM-DD under
 * `name`, so the plain HTML forms and server actions read it like any other field.
 */
export function DateField({ id, name, defaultValue }: { id: string; name: string; defaultValue?: string }) {
  const [value, setValue] = useState<Dayjs | null>(defaultValue ? dayjs(defaultValue) : null);
  return (
    <>
      <DatePicker id={id} value={value} onChange={setValue} format="YYYY-MM-DD" placeholder="请选择日期" style={{ width: '100%' }} />
      <input type="hidden" name={name} value={value ? value.format('YYYY-MM-DD') : ''} />
    </>
  );
}
