import { Button, Checkbox } from 'antd';
import { changeValidity } from '../actions';
import css from './policy.module.css';

interface Choice {
  id: string;
  title: string;
}

/** 效力变更: amend (names the amending document, required), repeal (the repealing one, optional), expire; each confirmed. */
export function ValidityForms({ id, csrf, others }: { id: string; csrf: string; others: Choice[] }) {
  const forms = [
    { change: 'amend', name: '标记为已修改', by: '修改它的文件（必填）', required: true },
    { change: 'repeal', name: '废止', by: '废止它的文件（可选）', required: false },
    { change: 'expire', name: '标记为失效', by: null, required: false },
  ] as const;
  return (
    <div>
      {forms.map((f) => (
        <form key={f.change} action={changeValidity} aria-label={f.name} className={css.validity}>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="change" value={f.change} />
          {f.by ? (
            <div>
              <label htmlFor={`by-${f.change}`}>{f.by}</label>
              <select id={`by-${f.change}`} name="byDocumentId" className="native" required={f.required} defaultValue="">
                <option value="">{f.required ? '请选择' : '不指定'}</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p style={{ margin: 0 }}>不需要指定文件</p>
          )}
          <Checkbox name="confirm" value="yes" required>
            确认{f.name}（引用它的问答和办事指南将提示更新）
          </Checkbox>
          {/* not antd's `danger` red: its text fails WCAG AA contrast on white */}
          <Button htmlType="submit">{f.name}</Button>
        </form>
      ))}
    </div>
  );
}
