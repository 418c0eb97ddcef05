import { Button, Input } from 'antd';
import { SiteLevel } from '@govdisc/contracts';
import { saveSite } from '../actions';
import css from './guides.module.css';
import { RowsField } from './rows-field-client';

interface Site {
  id: string;
  name: string;
  level: string;
  address: string;
  district: string;
  phones: string[];
  lat: number;
  lng: number;
  weeklyHours: Array<{ weekday: number; open: string; close: string }>;
  openOnHolidays: boolean;
  hoursNote: string;
}

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ value: String(i + 1), label }));

/** The service site editor: address, WGS-84 coordinates and weekly opening hours (holidays closed unless ticked). */
export function SiteForm({ site, csrf }: { site: Site | null; csrf: string }) {
  const s = site;
  const text = (name: string, label: string, value: string | number | undefined, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <Input id={name} name={name} defaultValue={value ?? ''} {...extra} />
    </div>
  );
  return (
    <form action={saveSite} aria-label="编辑服务场所">
      <input type="hidden" name="csrf" value={csrf} />
      {!site && <input type="hidden" name="isNew" value="1" />}
      <div className={css.grid}>
        {text('siteId', '场所编号', s?.id, { required: true, readOnly: !!site, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]*' })}
        {text('name', '名称', s?.name, { required: true })}
        <div className="field">
          <label htmlFor="level">层级</label>
          <select id="level" name="level" defaultValue={s?.level ?? '区'} className="native">
            {SiteLevel.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </div>
        {text('district', '所在区', s?.district, { required: true })}
      </div>
      {text('address', '地址', s?.address, { required: true })}
      <div className={css.grid}>
        {text('lat', '纬度（WGS-84）', s?.lat, { required: true, type: 'number', step: 'any', min: -90, max: 90 })}
        {text('lng', '经度（WGS-84）', s?.lng, { required: true, type: 'number', step: 'any', min: -180, max: 180 })}
        {text('phones', '电话（多个用顿号分隔）', s?.phones.join('、'))}
      </div>
      <RowsField
        name="hours"
        legend="每周开放时间"
        addLabel="添加时段"
        columns={[
          { key: 'weekday', label: '星期', type: 'select', options: WEEKDAYS },
          { key: 'open', label: '开始时间', type: 'time', required: true },
          { key: 'close', label: '结束时间', type: 'time', required: true },
        ]}
        initial={(s?.weeklyHours ?? []).map((h) => ({ weekday: String(h.weekday), open: h.open, close: h.close }))}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="openOnHolidays" value="true" defaultChecked={s?.openOnHolidays} /> 法定节假日照常开放
        </label>
      </div>
      {text('hoursNote', '开放时间说明', s?.hoursNote)}
      <Button type="primary" htmlType="submit">
        保存
      </Button>
    </form>
  );
}
