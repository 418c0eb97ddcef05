import {
  DISCLOSURE_DEPARTMENTS,
  documentPublished,
  matterNeedsUpdate,
  pairNeedsUpdate,
  requestAccepted,
  requestAssigned,
  requestClosed,
  requestConsultationRequested,
  requestDueSoon,
  requestExtended,
  requestFeeNotified,
  requestOverdue,
  requestReceived,
  requestReplied,
  requestSubmitted,
  requestSupplementRequested,
  requestWithdrawn,
} from '@govdisc/contracts';
import { type NoticeTemplate, template } from './template-engine.js';

/**
 * Every message the platform sends, per event, audience and channel, Chinese first. Placeholders
 * are checked against the event schemas at start (checkTemplates): see template-engine.ts.
 */

const departmentName = (code: string | null) => DISCLOSURE_DEPARTMENTS.find((d) => d.code === code)?.name ?? code ?? '—';

/** Outcome codes (contracts DisclosureOutcome) in words an applicant understands. */
const OUTCOMES: Record<string, string> = {
  DISCLOSED: '予以公开',
  ALREADY_PUBLIC: '已主动公开，告知获取途径',
  PARTIAL: '部分公开',
  NOT_HELD: '本机关不掌握相关政府信息',
  NOT_OUR_RESPONSIBILITY: '不属于本机关负责公开',
  NEEDS_CREATION: '需另行制作，不予提供',
  STILL_UNCLEAR: '补正后申请内容仍不明确',
  PETITION_NOT_GIO: '不属于政府信息公开申请，告知其他途径',
  REPEAT: '重复申请',
  PUBLICATION: '要求提供公开出版物，告知获取途径',
  EXCESSIVE_NO_REASON: '申请数量明显超过合理范围且未说明理由',
  CONFIRM_OR_REISSUE: '要求确认或重新出具已获取的信息',
  ABANDONED_NO_SUPPLEMENT: '逾期未补正，视为放弃申请',
  ABANDONED_FEE_UNPAID: '逾期未缴纳信息处理费，视为放弃申请',
  SPECIAL_QUERY_REGIME: '依照有关法律、行政法规的规定办理',
  OTHER: '其他处理',
};
const outcomeLabel = (outcome: string) => OUTCOMES[outcome] ?? (outcome.startsWith('WITHHELD_') ? '不予公开' : outcome);

const HOW_TO_TRACK = '您可以登录本平台“我的消息”查看，或凭查询码查询办理进度。';
const PQA_REASONS = { AMENDED: '已修改', REPEALED: '已废止', EXPIRED: '已失效' } as const;

/** The applicant's notices: the same wording in the inbox and by email. */
const APPLICANT = [
  template({
    event: requestSubmitted,
    audience: 'applicant',
    channel: 'inbox',
    title: '已收到您的政府信息公开申请（{{requestNumber}}）',
    body: '您向{{agency}}提出的政府信息公开申请已收到，申请编号 {{requestNumber}}，查询码 {{trackingCode}}（请妥善保管）。提交日期：{{submittedOn}}。本机关将按《政府信息公开条例》规定的期限答复。',
  }),
  template({
    event: requestReceived,
    audience: 'applicant',
    channel: 'inbox',
    title: '您的申请已登记受理（{{requestNumber}}）',
    body: '{{agency}}已于 {{receiptDate}} 收到您的政府信息公开申请（{{requestNumber}}），答复期限至 {{dueDate}}。',
  }),
  template({
    event: requestSupplementRequested,
    audience: 'applicant',
    channel: 'inbox',
    title: '请补正您的政府信息公开申请（{{requestNumber}}）',
    body: '您的申请（{{requestNumber}}）内容不够明确，请于 {{supplementDeadline}} 前补正以下内容：{{items}}。逾期未补正且无正当理由的，视为放弃申请。',
  }),
  template({
    event: requestAccepted,
    audience: 'applicant',
    channel: 'inbox',
    title: '您的申请正在办理（{{requestNumber}}）',
    body: '您的政府信息公开申请（{{requestNumber}}）已交{{departmentName}}办理，答复期限至 {{dueDate}}。',
    derived: { departmentName: (p) => departmentName(p.department) },
  }),
  template({
    event: requestExtended,
    audience: 'applicant',
    channel: 'inbox',
    title: '您的申请答复期限已延长（{{requestNumber}}）',
    body: '经政府信息公开工作机构负责人同意，您的申请（{{requestNumber}}）答复期限延长 {{days}} 个工作日，延长后的答复期限为 {{dueDate}}。',
  }),
  template({
    event: requestFeeNotified,
    audience: 'applicant',
    channel: 'inbox',
    title: '信息处理费缴费通知（{{requestNumber}}）',
    body: '您的申请（{{requestNumber}}）需缴纳信息处理费 {{amountYuan}} 元，请于 {{payBy}} 前缴纳。逾期未缴纳的，视为放弃申请。',
  }),
  template({
    event: requestReplied,
    audience: 'applicant',
    channel: 'inbox',
    title: '您的申请已答复（{{requestNumber}}）',
    body: '{{agency}}已于 {{replyDate}} 答复您的政府信息公开申请（{{requestNumber}}），处理结果：{{outcomeLabel}}。答复书请登录本平台查看。',
    derived: { outcomeLabel: (p) => outcomeLabel(p.outcome) },
  }),
  template({
    event: requestClosed,
    audience: 'applicant',
    channel: 'inbox',
    title: '您的申请已终止办理（{{requestNumber}}）',
    body: '您的政府信息公开申请（{{requestNumber}}）已于 {{closedDate}} 终止办理，原因：{{outcomeLabel}}。终止告知书请登录本平台查看。',
    derived: { outcomeLabel: (p) => outcomeLabel(p.outcome) },
  }),
  template({
    event: requestWithdrawn,
    audience: 'applicant',
    channel: 'inbox',
    title: '您已撤回申请（{{requestNumber}}）',
    body: '您已于 {{withdrawnOn}} 撤回政府信息公开申请（{{requestNumber}}），本机关终止处理。如仍需相关信息，可以重新提出申请。',
  }),
];

/** Email: the inbox wording plus how to follow up (the same variables, so one check covers both). */
const APPLICANT_EMAIL = APPLICANT.map((t) => ({
  ...t,
  channel: 'email' as const,
  body: `您好：\n\n${t.body}\n\n${HOW_TO_TRACK}\n\n（本邮件由系统自动发送，请勿直接回复。）`,
}));

/**
 * SMS and WeChat subscription messages (a signed-in applicant who switched the channel on in their
 * preferences): the inbox wording, shorter tail; an SMS stays within one 10-part message.
 */
const APPLICANT_PHONE = (['sms', 'wechat'] as const).flatMap((channel) =>
  APPLICANT.map((t) => ({ ...t, channel, body: `${t.body}详情请登录本平台“我的消息”查看。` })),
);

const STAFF = [
  template({
    event: requestAssigned,
    audience: 'department',
    channel: 'inbox',
    title: '新分派的政府信息公开申请（{{requestNumber}}）',
    body: '申请 {{requestNumber}} 已分派给{{departmentName}}办理，答复期限至 {{dueDate}}{{provisional}}。',
    derived: {
      departmentName: (p) => departmentName(p.department),
      provisional: (p) => (p.dueProvisional ? '（节假日安排未公布，期限为暂定）' : ''),
    },
  }),
  ...(['department', 'gio'] as const).flatMap((audience) => [
    template({
      event: requestConsultationRequested,
      audience,
      channel: 'inbox',
      title: '申请需征求意见（{{requestNumber}}）',
      body: '政府信息公开申请 {{requestNumber}}（{{departmentName}}）已于 {{letterSentOn}} 发出征求意见函，征求{{partyLabel}}意见，期限至 {{consultationDue}}；征求意见期间不计入答复期限，请跟进对方答复并在期满后及时恢复办理。',
      derived: {
        departmentName: (p) => departmentName(p.department),
        partyLabel: (p) => (p.party === 'THIRD_PARTY' ? '第三方' : '其他机关'),
      },
    }),
    template({
      event: requestDueSoon,
      audience,
      channel: 'inbox',
      title: '申请即将到期（{{requestNumber}}，剩 {{workingDaysLeft}} 个工作日）',
      body: '政府信息公开申请 {{requestNumber}}（{{departmentName}}）答复期限为 {{dueDate}}，还剩 {{workingDaysLeft}} 个工作日，请及时答复。',
      derived: { departmentName: (p) => departmentName(p.department) },
    }),
    template({
      event: requestOverdue,
      audience,
      channel: 'inbox',
      title: '申请已逾期（{{requestNumber}}）',
      body: '政府信息公开申请 {{requestNumber}}（{{departmentName}}）答复期限 {{dueDate}} 已过，自 {{overdueSince}} 起逾期，请立即处理。',
      derived: { departmentName: (p) => departmentName(p.department) },
    }),
  ]),
  template({
    event: pairNeedsUpdate,
    audience: 'department-editors',
    channel: 'inbox',
    title: '问答需更新：{{shortQuestion}}',
    body: '致{{owner}}：该问答引用的政策{{reasonLabel}}，已暂停对外展示，请核对后修改并重新提交审核。',
    derived: {
      shortQuestion: (p) => p.question.slice(0, 190),
      owner: (p) => p.ownerDepartment ?? '问答编辑',
      reasonLabel: (p) => PQA_REASONS[p.reason],
    },
  }),
  template({
    event: matterNeedsUpdate,
    audience: 'department-editors',
    channel: 'inbox',
    title: '办事指南需核对：{{name}}（{{code}}）',
    body: '致{{department}}：办事指南“{{name}}”（事项编码 {{code}}）设定依据引用的政策{{reasonLabel}}，请核对指南内容，修改或确认后重新保存。',
    derived: { reasonLabel: (p) => PQA_REASONS[p.reason] },
  }),
  // Every new policy is news for admins (citizens and enterprises choose theirs with subscriptions: push/).
  template({
    event: documentPublished,
    audience: 'admins',
    channel: 'inbox',
    title: '新政策发布：{{title}}',
    body: '{{source}}',
    derived: { source: (p) => [p.agency, p.docNumber].filter(Boolean).join(' ') || p.title },
  }),
];

export const TEMPLATES: readonly NoticeTemplate[] = [...APPLICANT, ...APPLICANT_EMAIL, ...APPLICANT_PHONE, ...STAFF];
