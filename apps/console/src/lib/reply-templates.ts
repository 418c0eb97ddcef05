import type { DisclosureOutcome } from '@govdisc/contracts';

/** What a template may quote from the request. */
export interface TemplateContext {
  requestNumber: string;
  description: string;
  receiptDate: string | null;
}

/** A reply template: the wording for one statutory reply type, for the officer to complete before sending. */
export interface ReplyTemplate {
  outcome: DisclosureOutcome;
  text: string;
  /** one reason per line (refusals must state them) */
  reasons: string;
}

type Body = (info: string) => { text: string; reasons?: string };

const WITHHELD =
  (ground: string, article: string): Body =>
  () => ({
    text: `经审查，您申请获取的政府信息${ground}，根据${article}的规定，本机关决定不予公开。`,
    reasons: `所申请信息${ground}（请写明具体情形）`,
  });

/**
 * The statutory reply types of《政府信息公开条例》Art. 36–39 as editable wording (the service adds the legal
 * basis of the outcome and the remedy text itself; placeholders in 【】 are for the officer to fill).
 */
const BODIES: Partial<Record<DisclosureOutcome, Body>> = {
  DISCLOSED: (info) => ({ text: `经审查，您申请获取的${info}属于可以公开的政府信息，现予以提供，详见随答复提供的文件。` }),
  ALREADY_PUBLIC: (info) => ({
    text: `经审查，您申请获取的${info}本机关已主动公开，您可以通过【获取方式和途径】查阅或下载。`,
  }),
  PARTIAL: (info) => ({
    text: `经审查，您申请获取的${info}中，【可以公开的部分】予以公开，详见随答复提供的文件；其余部分不予公开。`,
    reasons: '【不予公开的部分】属于【情形】',
  }),
  WITHHELD_STATE_SECRET: WITHHELD('属于国家秘密', '《政府信息公开条例》第十四条'),
  WITHHELD_LAW_PROHIBITS: WITHHELD('属于法律、行政法规禁止公开的信息', '《政府信息公开条例》第十四条'),
  WITHHELD_SECURITY_STABILITY: WITHHELD('公开后可能危及国家安全、公共安全、经济安全、社会稳定', '《政府信息公开条例》第十四条'),
  WITHHELD_THIRD_PARTY: WITHHELD('涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害', '《政府信息公开条例》第十五条'),
  WITHHELD_INTERNAL_AFFAIRS: WITHHELD('属于行政机关的内部事务信息', '《政府信息公开条例》第十六条第一款'),
  WITHHELD_PROCESS_INFO: WITHHELD('属于行政机关在履行行政管理职能过程中形成的过程性信息', '《政府信息公开条例》第十六条第二款'),
  WITHHELD_ENFORCEMENT_FILE: WITHHELD('属于行政执法案卷信息', '《政府信息公开条例》第十六条第二款'),
  NOT_HELD: (info) => ({ text: `经检索，本机关未制作或获取您申请的${info}，该政府信息不存在。` }),
  NOT_OUR_RESPONSIBILITY: (info) => ({
    text: `经审查，您申请获取的${info}不属于本机关负责公开的政府信息，负责公开该信息的行政机关为【机关名称】，联系方式【联系方式】。`,
  }),
  NEEDS_CREATION: (info) => ({ text: `经审查，您申请获取的${info}需要本机关对现有政府信息进行加工、分析，本机关不予提供。` }),
  PETITION_NOT_GIO: () => ({
    text: '经审查，您提出的申请属于信访、投诉、举报等诉求，不属于政府信息公开申请，请通过【相应渠道】提出。',
  }),
  REPEAT: (info) => ({ text: `本机关已就您此前申请公开${info}作出答复，您重复申请公开相同政府信息，本机关不予重复处理。` }),
  PUBLICATION: () => ({ text: '您申请获取的是公开出版物，请通过【获取途径】获取，本机关不予处理。' }),
};

/** The outcomes a template exists for, in the order of the statute. */
export const TEMPLATE_OUTCOMES = Object.keys(BODIES) as DisclosureOutcome[];

/** The template of one reply type for this request, or null when there is none for it. */
export function replyTemplate(outcome: string, ctx: TemplateContext): ReplyTemplate | null {
  const body = BODIES[outcome as DisclosureOutcome];
  if (!body) return null;
  const received = ctx.receiptDate ? `本机关于${ctx.receiptDate}收到` : '本机关已收到';
  const info = `“${ctx.description.length > 60 ? `${ctx.description.slice(0, 60)}…` : ctx.description}”`;
  const { text, reasons = '' } = body(info);
  return { outcome: outcome as DisclosureOutcome, text: `${received}您的政府信息公开申请（编号${ctx.requestNumber}）。${text}`, reasons };
}
