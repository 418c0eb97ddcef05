import { Button, Input } from 'antd';
import { TextArea } from '../../../components/antd-parts';
import { saveBundle } from '../actions';
import css from './guides.module.css';
import { RowsField } from './rows-field-client';

interface Bundle {
  code: string;
  name: string;
  description: string;
  matterCodes: string[];
  topics: string[];
}

/** The 一件事 editor: code, name, description and its matters in the order they are handled. */
export function BundleForm({
  bundle,
  csrf,
  matters,
}: {
  bundle: Bundle | null;
  csrf: string;
  matters: Array<{ code: string; name: string }>;
}) {
  const b = bundle ?? { code: '', name: '', description: '', matterCodes: [], topics: [] };
  return (
    <form action={saveBundle} aria-label="编辑一件事">
      <input type="hidden" name="csrf" value={csrf} />
      {!bundle && <input type="hidden" name="isNew" value="1" />}
      <div className={css.grid}>
        <div className="field">
          <label htmlFor="code">一件事编码</label>
          <Input id="code" name="code" defaultValue={b.code} required readOnly={!!bundle} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" />
        </div>
        <div className="field">
          <label htmlFor="name">名称</label>
          <Input id="name" name="name" defaultValue={b.name} required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="topics">主题（编码，用逗号分隔）</label>
          <Input id="topics" name="topics" defaultValue={b.topics.join(',')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="description">说明</label>
        <TextArea id="description" name="description" defaultValue={b.description} rows={3} maxLength={5000} />
      </div>
      <RowsField
        name="matters"
        legend="包含的事项（按办理顺序）"
        addLabel="添加事项"
        columns={[
          { key: 'code', label: '事项', type: 'select', options: matters.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` })) },
        ]}
        initial={b.matterCodes.map((code) => ({ code }))}
      />
      <Button type="primary" htmlType="submit">
        保存
      </Button>
    </form>
  );
}
