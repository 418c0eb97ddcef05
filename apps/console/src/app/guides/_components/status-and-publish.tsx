import { Alert, Button, Card, Tag } from 'antd';
import { GUIDE_STATUS_COLOR, GUIDE_STATUS_ZH, PENDING_COLOR } from '../_lib/labels';
import { publishGuideItem } from '../actions';

interface Item {
  status: string;
  editedBy?: string | null;
  publishedBy?: string | null;
  pendingEdit?: { name: string; editedBy: string; editedAt: string } | null;
}

/** State, authorship and 发布 for a reviewer (a draft or a waiting edit; its author is refused: four eyes). */
export function StatusAndPublish({
  kind,
  id,
  item,
  csrf,
  reviewer,
}: {
  kind: 'matter' | 'bundle' | 'site';
  id: string;
  item: Item;
  csrf: string;
  reviewer: boolean;
}) {
  const publishable = item.status === 'DRAFT' || !!item.pendingEdit;
  return (
    <Card title="审核与发布">
      <p>
        <Tag color={GUIDE_STATUS_COLOR[item.status]}>{GUIDE_STATUS_ZH[item.status] ?? item.status}</Tag>
        {item.pendingEdit && <Tag color={PENDING_COLOR}>待审核修改</Tag>} 编写人：{item.editedBy ?? '—'}；发布人：{item.publishedBy ?? '—'}
      </p>
      {item.pendingEdit && (
        <Alert
          type="warning"
          showIcon
          title={`待审核修改（${item.pendingEdit.name}），由 ${item.pendingEdit.editedBy} 于 ${item.pendingEdit.editedAt.slice(0, 16).replace('T', ' ')} 提交；发布前公众仍看到当前版本，下方表单显示的是当前版本。`}
        />
      )}
      {reviewer && publishable && (
        <form action={publishGuideItem} aria-label="发布" className="filters">
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <Button type="primary" htmlType="submit">
            {item.status === 'DRAFT' ? '发布' : '发布修改'}
          </Button>
        </form>
      )}
      <p>四眼原则：编写或最后修改某一版本的人不能发布该版本，须由另一位审核人发布。</p>
    </Card>
  );
}
