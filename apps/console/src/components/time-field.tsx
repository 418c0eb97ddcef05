'use client';
import { TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';

dayjs.locale('zh-cn');

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time of day in 24-hour HH:mm (antd TimePicker under the zh_CN locale; typing 08:30 works too) posted as HH:mm under
 * `name`. A native <input type="time"> follows the browser's locale instead (10:00 PM on an English system).
 * A stored value the picker cannot show (24:00, the end of a day) is kept as it is until the editor picks another.
 */
export function TimeField({ id, name, defaultValue }: { id: string; name: string; defaultValue?: string }) {
  const [raw, setRaw] = useState(defaultValue ?? '');
  const value: Dayjs | null = HH_MM.test(raw) ? dayjs(`2000-01-01T${raw}`) : null;
  return (
    <>
      <TimePicker
        id={id}
        value={value}
        onChange={(t) => setRaw(t ? t.format('HH:mm') : '')}
        format="HH:mm"
        minuteStep={5}
        needConfirm={false}
        placeholder={raw && !value ? raw : '请选择时间'}
        style={{ width: '100%' }}
      />
      {/* hidden inputs take no part in form validation: an empty time is refused by the server with its message */}
      <input type="hidden" name={name} value={raw} />
    </>
  );
}
