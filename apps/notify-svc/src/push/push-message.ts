import type { PolicyChange } from './fanout.repository.js';

/** 政策推送 wording, Chinese first: what changed, where it came from, how to stop it. */
const HEADLINES: Record<PolicyChange, { title: string; verb: string }> = {
  PUBLISHED: { title: '政策推送：{title}', verb: '发布' },
  AMENDED: { title: '政策修改提醒：{title}', verb: '修改' },
  REPEALED: { title: '政策废止提醒：{title}', verb: '废止' },
};

export const PUSH_EMAIL_FOOTER =
  '您收到此邮件，是因为您在本平台订阅了相关政策推送。如需调整，请登录本平台“消息设置”修改订阅；点击邮件中的退订链接可停止接收所有邮件。\n\n（本邮件由系统自动发送，请勿直接回复。）';

export function pushMessage(p: {
  change: PolicyChange;
  title: string;
  agency?: string | null;
  docNumber?: string | null;
  summary?: string | null;
}): { title: string; body: string } {
  const h = HEADLINES[p.change];
  const source = [p.agency, p.docNumber].filter(Boolean).join(' ');
  const lead =
    p.change === 'PUBLISHED'
      ? `${source ? `${source}：` : ''}新发布《${p.title}》。`
      : `您关注的政策《${p.title}》已${h.verb}${p.change === 'REPEALED' ? '，不再执行' : '，请以最新版本为准'}。`;
  const summary = p.summary ? `\n摘要：${p.summary.slice(0, 300)}` : '';
  return { title: h.title.replace('{title}', p.title).slice(0, 250), body: `${lead}${summary}\n请登录本平台查看全文。` };
}
