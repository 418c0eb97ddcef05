'use client';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';

dayjs.locale('zh-cn');

type Range = [Dayjs | null, Dayjs | null];

/**
 * A date range in Chinese (antd RangePicker, zh_CN calendar; typing works too) posted as two YYYY-MM-DD fields, so a
 * plain GET form reads it. The two inputs get ids `${id}-from` / `${id}-to`; the caller labels both.
 */
export function DateRangeField(p: { id: string; names: [string, string]; defaultValue: [string, string] }) {
  const [value, setValue] = useState<Range>([dayjs(p.defaultValue[0]), dayjs(p.defaultValue[1])]);
  return (
    <>
      <DatePicker.RangePicker
        id={{ start: `${p.id}-from`, end: `${p.id}-to` }}
        value={value}
        onChange={(v) => setValue(v ? [v[0], v[1]] : [null, null])}
        format="YYYY-MM-DD"
        placeholder={['开始日期', '结束日期']}
        allowClear={false}
      />
      <input type="hidden" name={p.names[0]} value={value[0] ? value[0].format('YYYY-MM-DD') : ''} />
      <input type="hidden" name={p.names[1]} value={value[1] ? value[1].format('YYYY-MM-DD') : ''} />
    </>
  );
}
