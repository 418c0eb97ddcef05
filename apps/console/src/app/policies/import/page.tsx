import { Button, Card } from 'antd';
import type { Metadata } from 'next';
import { EDITORS, hasAnyRole } from '@govdisc/contracts';
import { Forbidden } from '../../../components/forbidden';
import { Notice } from '../../../components/notice';
import { csrfToken, requireUser } from '../../../lib/auth';
import { one, type SearchParams } from '../../../lib/site';
import { startImport } from '../actions';
import { PolicyTabs } from '../_components/policy-tabs';

export const metadata: Metadata = { title: '批量导入政策文件' };

/** An editor uploads a file of documents; they come in as drafts, and the job's page shows progress and the report. */
export default async function ImportPolicies({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const user = await requireUser('/policies/import');
  if (!hasAnyRole(user, EDITORS)) return <Forbidden />;
  return (
    <div className="stack">
      <h1>批量导入政策文件</h1>
      <PolicyTabs current="/policies/import" />
      <Notice done="" error={one(params.error)} />
      <Card title="上传文件">
        <ul>
          <li>JSONL（.jsonl）：每行一个文件，字段 id、title、docNumber、agency、publishDate、body 等；</li>
          <li>CSV（.csv）：首行为表头（id,标题,发文字号,发文机关,成文日期,正文），正文可跨行（加英文双引号）；</li>
          <li>网页（.html）：政府网站发布的一篇文件页面。</li>
        </ul>
        <p>导入的文件均为草稿（或已发布文件的待审核修改），须由审核人发布。重复和无法读取的行会列在导入报告中。</p>
        <form action={startImport} aria-label="上传导入文件">
          <input type="hidden" name="csrf" value={await csrfToken()} />
          <div className="field">
            <label htmlFor="file">导入文件</label>
            <input id="file" name="file" type="file" accept=".jsonl,.ndjson,.csv,.html,.htm" required />
          </div>
          <Button type="primary" htmlType="submit">
            开始导入
          </Button>
        </form>
      </Card>
    </div>
  );
}
