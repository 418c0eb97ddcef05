import { Button, Input } from 'antd';
import { TextArea } from '../../../components/antd-parts';
import { saveDraft } from '../actions';
import css from './policy.module.css';

export interface PolicyFormValues {
  id?: string;
  externalId: string;
  title: string;
  docNumber: string;
  agency: string;
  publishDate: string;
  docType: string;
  level: string;
  region: string;
  body: string;
}

const META: Array<[keyof PolicyFormValues, string, string?]> = [
  ['docNumber', '发文字号', '如：江政发〔2025〕3号'],
  ['agency', '发文机关'],
  ['publishDate', '成文日期', 'YYYY-MM-DD'],
  ['docType', '文种', '如：通知、办法、意见'],
  ['level', '层级', '如：市级'],
  ['region', '地区'],
];

/** The draft editor: the document's fields and its body, one paragraph per line (第一条 … starts a clause). */
export function PolicyForm({ values, csrf, sourceFixed }: { values: PolicyFormValues; csrf: string; sourceFixed: boolean }) {
  return (
    <form action={saveDraft} aria-label="编辑政策文件">
      <input type="hidden" name="csrf" value={csrf} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <div className="field">
        <label htmlFor="externalId">来源编号（同一编号再次保存即修改该文件）</label>
        <Input id="externalId" name="externalId" defaultValue={values.externalId} required maxLength={100} readOnly={sourceFixed} />
      </div>
      <div className="field">
        <label htmlFor="title">标题</label>
        <Input id="title" name="title" defaultValue={values.title} required maxLength={500} />
      </div>
      <div className={css.row}>
        {META.map(([name, label, hint]) => (
          <div className="field" key={name}>
            <label htmlFor={name}>{label}</label>
            <Input
              id={name}
              name={name}
              defaultValue={values[name]}
              placeholder={hint}
              {...(name === 'publishDate' ? { pattern: '\\d{4}-\\d{2}-\\d{2}', inputMode: 'numeric' as const } : {})}
            />
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor="body">正文（每段一行；“第一条”等开头的段落可被问答和办事指南引用）</label>
        <TextArea id="body" name="body" defaultValue={values.body} rows={16} required />
      </div>
      <Button type="primary" htmlType="submit">
        保存草稿
      </Button>
    </form>
  );
}
