import { Button, Input } from 'antd';
import { MatterType, OnlineDepth, MaterialForm, type GuideMatterView } from '@govdisc/contracts';
import { TextArea } from '../../../components/antd-parts';
import { saveMatter } from '../actions';
import css from './guides.module.css';
import { RowsField } from './rows-field-client';

type Matter = Pick<
  GuideMatterView,
  | 'code'
  | 'name'
  | 'type'
  | 'department'
  | 'summary'
  | 'legalBasis'
  | 'conditions'
  | 'materials'
  | 'steps'
  | 'statutoryDays'
  | 'promisedDays'
  | 'fees'
  | 'siteIds'
  | 'whereText'
  | 'hoursText'
  | 'onlineUrl'
  | 'onlineDepth'
  | 'consultPhones'
  | 'complaintPhones'
>;

const EMPTY: Matter = {
  code: '',
  name: '',
  type: '公共服务',
  department: '',
  summary: '',
  legalBasis: [],
  conditions: [],
  materials: [],
  steps: [],
  statutoryDays: null,
  promisedDays: null,
  fees: [],
  siteIds: [],
  whereText: '',
  hoursText: '',
  onlineUrl: null,
  onlineDepth: '线下办理',
  consultPhones: [],
  complaintPhones: [],
};
const CODE_PATTERN = '[A-Za-z0-9][A-Za-z0-9._\\-]*';
const PHONES_HINT = '多个号码用顿号或逗号分隔';

function Text({
  name,
  label,
  value,
  ...rest
}: {
  name: string;
  label: string;
  value: string | number | null;
  required?: boolean;
  type?: string;
  min?: number;
  max?: number;
  readOnly?: boolean;
  pattern?: string;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <Input id={name} name={name} defaultValue={value ?? ''} {...rest} />
    </div>
  );
}

/** The matter editor: the national catalogue's guide fields, lists edited row by row; 保存 makes a draft or a waiting edit. */
export function MatterForm({ matter, csrf, sites }: { matter: Matter | null; csrf: string; sites: Array<{ id: string; name: string }> }) {
  const m = matter ?? EMPTY;
  return (
    <form action={saveMatter} aria-label="编辑事项">
      <input type="hidden" name="csrf" value={csrf} />
      {!matter && <input type="hidden" name="isNew" value="1" />}
      <div className={css.grid}>
        <Text name="code" label="事项编码" value={m.code} required readOnly={!!matter} pattern={CODE_PATTERN} />
        <Text name="name" label="事项名称" value={m.name} required />
        <div className="field">
          <label htmlFor="type">事项类型</label>
          <select id="type" name="type" defaultValue={m.type} className="native">
            {MatterType.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </div>
        <Text name="department" label="实施主体" value={m.department} required />
      </div>
      <div className="field">
        <label htmlFor="summary">事项简介</label>
        <TextArea id="summary" name="summary" defaultValue={m.summary} rows={3} maxLength={5000} />
      </div>
      <RowsField
        name="legalBasis"
        legend="设定依据"
        addLabel="添加依据"
        columns={[
          { key: 'policyId', label: '政策文件编号', required: true },
          { key: 'clause', label: '条款（如 第六条）' },
          { key: 'label', label: '显示文字' },
        ]}
        initial={m.legalBasis.map((b) => ({ policyId: b.policyId, clause: b.clause, label: b.label }))}
      />
      <RowsField
        name="conditions"
        legend="受理条件"
        addLabel="添加条件"
        columns={[{ key: 'text', label: '条件', required: true }]}
        initial={m.conditions.map((text) => ({ text }))}
      />
      <RowsField
        name="materials"
        legend="申请材料"
        addLabel="添加材料"
        columns={[
          { key: 'name', label: '材料名称', required: true },
          { key: 'form', label: '形式', type: 'select', options: MaterialForm.options },
          { key: 'originals', label: '原件份数', type: 'number', min: 0, max: 99 },
          { key: 'copies', label: '复印件份数', type: 'number', min: 0, max: 99 },
          { key: 'required', label: '必需', type: 'checkbox' },
          { key: 'condition', label: '需要的情形（非必需时填写）' },
          { key: 'exemptedBySharedData', label: '数据共享免交', type: 'checkbox' },
          { key: 'templateUrl', label: '空白表格下载地址', type: 'url' },
        ]}
        initial={m.materials.map((x) => ({ ...x }))}
      />
      <RowsField
        name="steps"
        legend="办理流程"
        addLabel="添加步骤"
        columns={[
          { key: 'name', label: '步骤', required: true },
          { key: 'description', label: '说明' },
        ]}
        initial={m.steps.map((x) => ({ ...x }))}
      />
      <div className={css.grid}>
        <Text name="statutoryDays" label="法定办结时限（工作日）" value={m.statutoryDays} type="number" min={0} max={3650} />
        <Text name="promisedDays" label="承诺办结时限（工作日）" value={m.promisedDays} type="number" min={0} max={3650} />
      </div>
      <RowsField
        name="fees"
        legend="收费项目（无则不收费）"
        addLabel="添加收费项目"
        columns={[
          { key: 'name', label: '项目', required: true },
          { key: 'amountYuan', label: '金额（元）', type: 'number', min: 0, required: true },
          { key: 'basis', label: '收费依据' },
        ]}
        initial={m.fees.map((x) => ({ ...x }))}
      />
      <fieldset className={css.rows}>
        <legend>办理地点（服务场所）</legend>
        {sites.length === 0 && <p>暂无服务场所。</p>}
        {sites.map((s) => (
          <label key={s.id} style={{ display: 'block' }}>
            <input type="checkbox" name="siteIds" value={s.id} defaultChecked={m.siteIds.includes(s.id)} /> {s.name}（{s.id}）
          </label>
        ))}
      </fieldset>
      <div className={css.grid}>
        <Text name="whereText" label="办理地点说明" value={m.whereText} />
        <Text name="hoursText" label="办理时间说明" value={m.hoursText} />
        <Text name="onlineUrl" label="网上办理入口" value={m.onlineUrl} type="url" />
        <div className="field">
          <label htmlFor="onlineDepth">网办深度</label>
          <select id="onlineDepth" name="onlineDepth" defaultValue={m.onlineDepth} className="native">
            {OnlineDepth.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </div>
        <Text name="consultPhones" label="咨询电话" value={m.consultPhones.join('、')} placeholder={PHONES_HINT} />
        <Text name="complaintPhones" label="投诉电话" value={m.complaintPhones.join('、')} placeholder={PHONES_HINT} />
      </div>
      <Button type="primary" htmlType="submit">
        保存
      </Button>
    </form>
  );
}
