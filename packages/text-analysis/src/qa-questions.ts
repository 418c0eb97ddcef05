/**
 * Questions a citizen would ask of one clause, built from the clause's own wording: the clause is
 * classified by its structure (所称…是指, 违反…的，处…, 有下列情形之一的, 自…之日起N日内, 向…申请, 负责,
 * 不得, 有权, 应当 …) and the question is the clause's sentence with the asked-for part turned into a
 * question word (二十日内 → 多长时间内, 下列材料 → 哪些材料, 向区财政局 → 向哪个部门). Reusing the
 * clause's own phrase keeps the question grammatical and guarantees the clause answers it; a clause
 * no form fits yields nothing rather than a template filled blindly.
 */

export type QuestionKind =
  | 'definition'
  | 'effective'
  | 'scope'
  | 'penalty'
  | 'conditions'
  | 'materials'
  | 'time'
  | 'amount'
  | 'where'
  | 'responsibility'
  | 'benefit'
  | 'prohibition'
  | 'right'
  | 'obligation'
  | 'measure';

export interface DraftQuestion {
  question: string;
  kind: QuestionKind;
  /** The part of the clause that answers the question, verbatim (the clause when it all answers). */
  answer: string;
}

export interface QuestionContext {
  /** The document's title: 本法/本条例 in a question becomes 《title》, so the question stands alone. */
  title?: string | undefined;
}

const ARTICLE_MARK = /^第[一二三四五六七八九十百零〇\d]+条\s*/u;
const ITEM_MARK = /^(?:[一二三四五六七八九十]+[、.．是]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[、．.](?!\d)|[①-⑳])\s*/u;
/** 本法, 本条例 …: the document itself, named by its title in a question. */
const SELF =
  /本(?:法律|法|条例|办法|规定|细则|决定|解释|规则|意见|通知|准则|规程|实施细则|公告|通告|方案|措施|指引|指南|章程|守则|修正案)/gu;
const NUM = String.raw`(?:\d+(?:[.,]\d+)?|[零〇一二三四五六七八九十百千万两]+)`;
const DURATION = new RegExp(String.raw`${NUM}\s*(?:个工作日|个月|工作日|小时|日|天|周|年)(?=内|以内|前|届满)`, 'u');
const MONEY = new RegExp(String.raw`(?:${NUM}\s*(?:元|万元|亿元)以上)?${NUM}\s*(万元|亿元|元)(?:以下)?`, 'u');
const SHARE = new RegExp(String.raw`百分之${NUM}|${NUM}\s*[%％]`, 'u');
const PUNISH = /罚款|罚金|拘留|吊销|没收|警告|有期徒刑|拘役|停产停业|责令停止|取缔/u;
const LIABLE = /处分|刑事责任|责令改正|责令限期|赔偿责任|法律责任|处罚|通报批评/u;
const AGENCY = /(?:部门|机关|政府|委员会|局|厅|办公室|机构|中心|法院|检察院|办事处|管理处|管理站|总站|公司)$/u;
/** A duty phrased as policy (加强…领导, 做好…工作): true, but not something anyone asks. */
const SOFT_DUTY =
  /^(?:依法)?(?:加强|做好|推进|推动|统筹|促进|引导|鼓励|支持|完善|建立健全|健全|强化|重视|关心|保障|落实|加大|提高|组织|协调|指导|督促|积极|切实|采取措施|结合|根据|按照|依照|遵循|坚持)/u;
/** What makes a question depend on text it does not carry (前款, 上述, 第（一）项) or leaves a slot unfilled. */
const DANGLING = /该|前款|本款|本条|前[两二三四]款|上述|前述|第[（(]|下列|以下|如下|[：:]|\n/u;
const GENERIC_HEADING =
  /^(?:总体要求|工作要求|基本原则|指导思想|工作目标|目标任务|主要任务|工作任务|组织领导|加强组织领导|强化组织领导|保障措施|工作机制|附则|总则|其他|宣传引导|加强宣传|督促检查|监督检查|责任落实|压实责任|统筹协调|工作措施|主要措施|重点任务|适用范围)$/u;
const CONNECTOR = /^(?:又|并且|并|同时|但是|但|而且|另外|此外|其中|还|也|均|都|即|和|或者|且|对此)/u;
/** The end of a phrase that can be a sentence's subject (a party, a body, a thing ruled on). */
const ACTOR_TAIL =
  /(?:人|者|单位|部门|机关|企业|机构|组织|政府|员|方|户|院|会|局|厅|站|所|校|馆|社|公司|中心|处|队|长|家庭|业主|双方|父母|子女|配偶|股东|职工|学生|儿童|患者|居民|村民|农民|群众|船舶|车辆|设施|设备|装置|场所|标志|产品|食品|药品|文件|合同|名单|计划|方案|项目|工程|建筑|资金|费用|证书|公示|公告|机动车|驾驶人|代表|委员|法官|检察官|监察官|律师|教师|医师|护士|军人)$/u;
/** A party too vague to ask about (有关部门, 其他单位). */
const VAGUE_ACTOR = /^(?:有关|相关|其他|其|该|上述|前款|各)/u;
/** A question cannot start here: the subject is missing (提交哪些文件？) or it hangs off a lost sentence. */
const HEADLESS =
  /^(?:为(?!什么)|又|向|提交|提供|报送|处|并处|可以|可|应当|应|须|必须|由|仍|为其|其|并|履行|划定|多长时间|多少|多大|几倍|实施)/u;
/** A time limit or duty about "an application" with nothing to say which: it fits any licence of any law. */
const GENERIC_APPLICATION =
  /^[^，]{0,12}(?:机关|部门|机构|法院)[^，]{0,6}?(?:是否)?(?:应当|必须)?(?:自|在)(?:收到|受理|接到)(?:申请|申请材料|全部文件|材料|处理决定)之日起/u;
/** A sentence leaning on another (前款所列, 上述): a question made from it would not stand alone. */
const LEANING = /前款|上述|前述|前[两二三四]款|此举|上款/u;
const MAX_QUESTION = 60;
const MAX_TITLE = 24;

interface Sentence {
  text: string;
  /** the sentence's span in the clause (with its stop), for the verbatim answer */
  start: number;
  end: number;
}

/** The clause's sentences (ended by 。；！？ or a line break), each without its stop. */
function sentencesOf(clause: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。；！？;!?\n]+/gu;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim().replace(ARTICLE_MARK, '').replace(ITEM_MARK, '');
    const stop = /[。；！？;!?]/u.test(clause[m.index + m[0].length] ?? '') ? 1 : 0;
    if (text) out.push({ text, start: m.index + lead, end: m.index + m[0].trimEnd().length + stop });
  }
  return out;
}

/** The segment holding `at` with enough of what precedes it to stand alone (a subject, its condition). */
function withContext(segments: string[], at: number): string | null {
  let from = at;
  let text = segments[at]!;
  while (from > 0 && (text.length < 10 || /^(?:应当|应|可以|可|须|必须|并|还|也|由|自|在|于|按|依|不得|每|一律|均)/u.test(text))) {
    from--;
    text = `${segments[from]}，${text}`;
  }
  // The topic the rule is about (对…的出口申请，/ 在…期间，/ …的，) stays with it, so the question names its matter.
  while (from > 0 && /^(?:对|在|凡)|的$/u.test(segments[from - 1]!) && text.length + segments[from - 1]!.length < MAX_QUESTION) {
    from--;
    text = `${segments[from]}，${text}`;
  }
  return text.replace(CONNECTOR, '');
}

function finish(question: string, ctx: QuestionContext): string | null {
  let q = question
    .replace(/\s+/gu, '')
    .replace(/[，、；。]+$/u, '')
    .replace(CONNECTOR, '');
  if (HEADLESS.test(q)) return null;
  if (SELF.test(q)) {
    SELF.lastIndex = 0;
    // A long title (many judicial interpretations) makes the question unreadable: such a question is skipped.
    if (!ctx.title || ctx.title.length > MAX_TITLE) return null;
    q = q.replace(SELF, `《${ctx.title.replace(/^《|》$/gu, '')}》`);
  }
  SELF.lastIndex = 0;
  q = q.replace(/^《([^》]+)》《/u, '《');
  q = `${q}？`;
  return isClean(q) ? q : null;
}

/** Grammatical enough to show: balanced brackets and quotes, no stutter, no dangling reference, sane length. */
export function isClean(question: string): boolean {
  const body = question.replace(/《[^》]*》/gu, '《》');
  if (body.length < 8 || body.length > MAX_QUESTION || DANGLING.test(body)) return false;
  for (const [open, close] of ['（）', '()', '“”', '《》', '「」', '‘’']) {
    if ([...body].filter((c) => c === open).length !== [...body].filter((c) => c === close).length) return false;
  }
  if (/([\u4e00-\u9fff]{2,})\1/u.test(body)) return false; // 办理办理, 多长时间多长时间
  if (/\d+[．.、](?!\d)/u.test(body)) return false; // a run-together numbered list
  return !/[的了地得和与及或、，]？$/u.test(body);
}

type Form = (s: Sentence, clause: string, ctx: QuestionContext, all: Sentence[]) => { question: string | null; answer?: string } | null;

/** 本法所称X，是指… → 《…》所称的X是指什么？ */
const definition: Form = (s) => {
  const m =
    /^(?:(本[^所，]{1,6})(?:中)?)?所称(?:的)?([^，。；：“”]{2,20})，?(是指|指|包括|是)/u.exec(s.text) ??
    /^“?([^，。；：”]{2,14})”?(?:，)?是指/u.exec(s.text);
  if (!m) return null;
  if (m.length === 2) return { question: `什么是${m[1]}` };
  const term = m[2]!;
  const ask = m[3] === '包括' ? '包括哪些' : '是指什么';
  return { question: `${m[1] ?? ''}所称的${term}${ask}` };
};

/** 本条例自2020年1月1日起施行 → 《…》什么时候开始施行？ */
const effective: Form = (s) =>
  /^本\S{1,6}自\S+起(?:施行|实施|生效)$/u.test(s.text) ? { question: `${s.text.slice(0, s.text.indexOf('自'))}什么时候开始施行` } : null;

/** …适用本条例 / 本条例适用于… → 《…》适用于哪些情形？ */
const scope: Form = (s) => {
  if (!/(?:适用本\S{1,6}$|^本\S{1,6}适用于)/u.test(s.text) || /不适用/u.test(s.text)) return null;
  const self = /本(?:法律|法|条例|办法|规定|细则|决定|解释|规则|意见|准则)/u.exec(s.text)?.[0];
  return self ? { question: `${self}的适用范围是什么` } : null;
};

/** 违反…规定，未取得许可从事X的，处…罚款 → 未取得许可从事X，会受到什么处罚？ */
const penalty: Form = (s, _clause, _ctx, all) => {
  if (s !== all[0]) return null;
  const at = s.text.search(/(?<!目)的，/u);
  if (at < 0) return null;
  const consequence = s.text.slice(at + 2);
  if (!PUNISH.test(consequence) && !LIABLE.test(consequence)) return null;
  let cond = s.text.slice(0, at);
  const punished = PUNISH.test(consequence);
  const ask = punished ? '会受到什么处罚' : '要承担什么法律责任';
  const list = /^(.*?)(?:有|具有|存在|实施)下列(情形|行为|情况)之一$/u.exec(cond.replace(/^违反[^，]*规定，/u, ''));
  if (list) {
    const actor = list[1]!.replace(/[，、]$/u, '');
    if (actor.length < 2) return null;
    const will = punished ? '会受到处罚' : '要承担法律责任';
    return { question: list[2] === '行为' ? `${actor}有哪些行为${will}` : `${actor}在哪些情形下${will}` };
  }
  // 违反本条例第二十条第（一）项至第（四）项规定 → 违反本条例第二十条规定: the item list says nothing to the asker.
  cond = cond
    .replace(/(第[一二三四五六七八九十百零]+条)(?:[第（()）一二三四五六七八九十项款、至和及或者]+)(?=规定)/gu, '$1')
    .replace(/^违反[^，]*规定，(?=.{6,})/u, '');
  if (cond.length < 8 || /^(?:其中|但|情节|构成犯罪|犯罪)/u.test(cond) || PUNISH.test(cond) || LIABLE.test(cond)) return null;
  return { question: `${cond}，${ask}` };
};

/** 有下列情形之一的，用人单位可以解除劳动合同： → 在哪些情形下，用人单位可以解除劳动合同？ ; 下列材料 → 哪些材料. */
const conditions: Form = (s, clause) => {
  // 下列/以下 introducing a list (not 10年以下, 以下简称).
  if (!(/下列/u.test(s.text) || /以下[^，]{0,8}[：:]$/u.test(s.text)) || /如下|以下简称/u.test(s.text)) return null;
  const answer = clause.slice(s.start);
  const segments = s.text.replace(/[：:]$/u, '').split('，');
  const at = segments.findIndex((x) => /下列|以下/u.test(x));
  const head = /^(.*?)(?:有|具有|存在)(?:下列|以下)(情形|情况|行为)之一的?$/u.exec(segments[at]!);
  if (head) {
    const rest = segments
      .slice(at + 1)
      .join('，')
      .replace(/，但[^，]*除外$/u, '');
    const actor = [...segments.slice(0, at), head[1]!].filter(Boolean).join('，');
    if (!rest) return null;
    const kindOf = /^(?:为|属于|是)/u.exec(rest);
    if (PUNISH.test(rest) || LIABLE.test(rest)) return null; // a penalty list: the penalty form's, or nothing
    if (!actor && kindOf) return { question: `哪些${head[2] === '行为' ? '行为' : '情形'}属于${rest.slice(kindOf[0].length)}`, answer };
    if (!actor) return { question: head[2] === '行为' ? `有哪些行为，${rest}` : `在哪些情形下，${rest}`, answer };
    return { question: `${actor}有哪些${head[2] === '行为' ? '行为' : '情形'}，${rest}`, answer };
  }
  const asked = segments.map((x, i) => (i === at ? x.replace(/(?:下列|以下)(?:各项)?([^，之]{0,8}?)(?:之一)?(?=的|$|，)/u, '哪些$1') : x));
  if (/下列|以下/u.test(asked[at]!)) return null;
  const text = withContext(asked.slice(0, at + 1), at);
  // 纳税人实施哪些行为？ asks nothing: the list must be what a rule requires, allows, forbids or covers.
  const whole = [text, ...asked.slice(at + 1)].join('，');
  if (!text || !/应当|应|可以|不得|禁止|必须|包括|属于|享有|负责|履行|具备|符合|提交|提供|遵守|适用|采取|收取|免|减/u.test(whole))
    return null;
  if (PUNISH.test(whole) || LIABLE.test(whole)) return null; // a penalty list: the penalty form's, or nothing
  return { question: whole.replace(/，但[^，]*除外$/u, ''), answer };
};

/** 应当提交营业执照复印件、租赁合同 → 应当提交哪些材料？ */
const materials: Form = (s) => {
  const segments = s.text.split('，');
  const at = segments.findIndex((x) =>
    /(?:提交|提供|报送|出具|携带|递交|出示)[^，]*(?:材料|证明|申请书|申请表|复印件|证件|执照|身份证|合同|报告|资料)(?:等)?$/u.test(x),
  );
  if (at < 0) return null;
  const seg = segments[at]!.replace(/((?:提交|提供|报送|出具|携带|递交|出示))[^，]*$/u, '$1哪些材料');
  const asked = [...segments.slice(0, at), seg];
  return { question: withContext(asked, at) };
};

/** 自受理申请之日起二十日内作出决定 → 自受理申请之日起多长时间内作出决定？ */
const timeLimit: Form = (s) => {
  const segments = s.text.split('，');
  const at = segments.findIndex((x) => DURATION.test(x) && !/\d{4}\s*年/u.test(x));
  if (at < 0) return null;
  const asked = [...segments.slice(0, at), segments[at]!.replace(DURATION, '多长时间')];
  const text = withContext(asked, at);
  if (!text || /多长时间(?:以)?[内前]$/u.test(text)) return null; // the act to be done in time is in the next segment
  return { question: text };
};

/** 每月提取额不超过1500元 → 每月提取额不超过多少元？; 补贴50% → 补贴多大比例？ */
const amount: Form = (s) => {
  const segments = s.text.split('，');
  const at = segments.findIndex((x) => MONEY.test(x) || SHARE.test(x));
  if (at < 0) return null;
  const seg = segments[at]!;
  const asked = MONEY.test(seg)
    ? seg.replace(MONEY, (_m, unit: string) => `多少${unit}`)
    : seg.replace(SHARE, /比例|率/u.test(seg.slice(0, seg.search(SHARE))) ? '多少' : '多大比例');
  if (/\d/u.test(asked.replace(/多少|多大/gu, ''))) return null; // a second figure left in place
  if (/罚款|罚金|或者/u.test(seg)) return null; // fines are the penalty form's; 或者 leaves the figure's alternative dangling
  if (/罚款|罚金/u.test(seg) && at === 0) return null; // 对单位处多少万元罚款: whose offence is lost
  return { question: withContext([...segments.slice(0, at), asked], at) };
};

/** 可以向劳动争议仲裁委员会申请仲裁 → 可以向哪个部门申请仲裁？ */
const where: Form = (s) => {
  const segments = s.text.split('，');
  const re = /向([^，。；向]{2,24}?)(申请|提出|报送|报告|备案|申报|投诉|举报|咨询|提交|登记|缴纳)/u;
  const at = segments.findIndex((x) => re.test(x));
  if (at < 0) return null;
  const seg = segments[at]!.replace(re, (_m, to: string, verb: string) => `向${AGENCY.test(to) ? '哪个部门' : '哪里'}${verb}`);
  if (/向(?:哪里|哪个部门)[^，]{0,4}(?:机关|部门|局|机构)/u.test(seg)) return null; // 向企业登记机关 cut inside the name
  if (!/(?:应当|应|可以|可|须|必须|由|到)/u.test(seg + (segments[at - 1] ?? ''))) return null;
  return { question: withContext([...segments.slice(0, at), seg], at) };
};

/** 市口岸服务部门负责口岸管理和通关协调服务工作 → 哪个部门负责口岸管理和通关协调服务工作？ */
const responsibility: Form = (s) => {
  // 犬只登记由所在街道办事处负责 → 犬只登记由哪个部门负责？
  const by = /^([^，]{2,20}?)由([^，]{2,24}?)负责$/u.exec(s.text);
  if (by && AGENCY.test(by[2]!) && !/^(?:对|在|其|该)/u.test(by[1]!))
    return { question: `${by[1]}由${/、|和|及/u.test(by[2]!) ? '哪些部门' : '哪个部门'}负责` };
  for (const seg of s.text.split('，')) {
    const m = /^(?:由)?(.{2,30}?)(?:按照[^，]{0,20}?)?(?:负责|主管)(?!人)(.*)$/u.exec(seg);
    if (!m) continue;
    const who = m[1]!.replace(/^(?:由)/u, '');
    if (!AGENCY.test(who.replace(/(?:依法|具体|统一)$/u, ''))) continue;
    const ask = /、|和|及/u.test(who) ? '哪些部门' : '哪个部门';
    const what = m[2]!.replace(/^(?:本行政区域内的|本行政区域内)?/u, '');
    if (what.length >= 4 && !/^(?:并|对|和|及)/u.test(what))
      return { question: `${ask}${/^主管/u.test(seg.slice(m[1]!.length)) ? '主管' : '负责'}${what}` };
  }
  return null;
};

/** 对承租国有房产的小微企业，免收3个月房租 → 承租国有房产的小微企业可以享受哪些减免？ */
const benefit: Form = (s) => {
  const m = /^对([^，]{4,30})，(.+)$/u.exec(s.text);
  if (!m || /的$/u.test(m[1]!) || !ACTOR_TAIL.test(m[1]!) || /^(?:实施|违反|犯)/u.test(m[1]!)) return null;
  const rest = m[2]!;
  const what = /奖励|表彰/u.test(rest)
    ? '可以获得哪些表彰奖励'
    : /补贴|补助|资助|奖补/u.test(rest)
      ? '可以获得哪些补贴'
      : /免|减/u.test(rest)
        ? '可以享受哪些减免政策'
        : /缓|延期|延长/u.test(rest)
          ? '可以享受哪些延期政策'
          : /给予|支持|优先/u.test(rest)
            ? '可以得到哪些支持'
            : null;
  return what ? { question: `${m[1]}${what}` } : null;
};

/** The subject, modal and verb phrase of a sentence (…的，A应当B), or null when it does not read so. */
function modalParts(s: Sentence, modal: RegExp): { lead: string; actor: string; verb: string; modal: string } | null {
  const segments = s.text.split('，');
  const at = segments.findIndex((x) => modal.test(x));
  if (at < 0) return null;
  const m = modal.exec(segments[at]!)!;
  let actor = segments[at]!.slice(0, m.index)
    .replace(CONNECTOR, '')
    .replace(/(?:还|也|均|都|则|亦|一律|依法|同时)$/u, '');
  let lead = segments.slice(0, at);
  if (!actor && lead.length && lead[lead.length - 1]!.length <= 14 && ACTOR_TAIL.test(lead[lead.length - 1]!)) {
    actor = lead[lead.length - 1]!;
    lead = lead.slice(0, -1);
  }
  const verb = segments[at]!.slice(m.index + m[0].length);
  const leadText = lead.filter((x) => /的$|^对|^在/u.test(x)).join('，');
  if (actor.length > 24 || verb.length < 2 || verb.length > 28 || /^(?:对|在|按照|依照|根据|经|因)/u.test(actor)) return null;
  if (actor && (!ACTOR_TAIL.test(actor) || VAGUE_ACTOR.test(actor) || /(?:或者|或|和|及|与)$/u.test(actor))) return null;
  // A prepositional start (根据需要, 通过整合实施) means the verb phrase runs on past this segment.
  if (/^[将把]/u.test(verb) && /(?:信息|情况|结果|名单|材料|文件|资料|意见|记录)$/u.test(verb)) return null; // 将…名单信息, verb cut off
  if (
    /^(?:根据|依据|按照|依照|参照|通过|采取|以|采用|结合|知道)/u.test(verb) ||
    /(?:方式|形式|措施|办法|提供|提交|报送|出具|提出)$/u.test(verb)
  )
    return null;
  if (/^(?:根据|依照|按照|参照)/u.test(verb) && /(?:规定|办法|执行|处理|办理)$/u.test(verb)) return null; // points elsewhere
  return { lead: leadText, actor, verb, modal: m[0] };
}

const join = (lead: string, rest: string) => (lead ? `${lead}，${rest}` : rest);

/** 任何单位和个人不得侵占口岸设施 → 可以侵占口岸设施吗？ */
const prohibition: Form = (s) => {
  const p = modalParts(s, /不得|禁止/u);
  if (!p) return null;
  if (!p.actor && !p.lead) return null;
  return { question: join(p.lead, `${p.actor}可以${p.verb}吗`) };
};

/** 劳动者有权依法参加和组织工会 → 劳动者是否有权依法参加和组织工会？ */
const right: Form = (s) => {
  const p = modalParts(s, /(?<!所)有权|可以|享有/u);
  if (!p || (!p.actor && !p.lead)) return null;
  if (p.modal === '享有') return { question: join(p.lead, `${p.actor}享有哪些${/权$/u.test(p.verb) ? '权利' : '待遇'}`) };
  if (/^(?:依照|按照|参照)[^，]*(?:处理|执行|办理)$/u.test(p.verb)) return null;
  return { question: join(p.lead, p.modal === '有权' ? `${p.actor}是否有权${p.verb}` : `${p.actor}可以${p.verb}吗`) };
};

/** 用人单位应当为劳动者缴纳社会保险费 → 用人单位是否应当为劳动者缴纳社会保险费？ (policy duties are skipped) */
const obligation: Form = (s) => {
  const p = modalParts(s, /应当|必须/u);
  if (!p || !p.actor || SOFT_DUTY.test(p.verb)) return null;
  if (AGENCY.test(p.actor) && /^(?:依法|及时|按照)?(?:查处|处理|审查|管理|监督)/u.test(p.verb)) return null;
  return { question: join(p.lead, `${p.actor}是否${p.modal}${p.verb}`) };
};

/** 在加强密切接触者管理方面，… → 在加强密切接触者管理方面有哪些措施？ ; 一、捐赠方式 → 捐赠方式有哪些？ */
const measure: Form = (s, clause, _ctx, all) => {
  const aspect = /^在([^，]{4,24})方面，/u.exec(s.text);
  if (aspect) return { question: `在${aspect[1]}方面有哪些措施` };
  if (s !== all[0] || all.length < 2) return null;
  const heading = clause.split('\n')[0]!.replace(ARTICLE_MARK, '').replace(ITEM_MARK, '');
  const h = /^([^。；，：:！？]{4,16})(?:[。；：:]|$)/u.exec(heading)?.[1];
  if (
    !h ||
    GENERIC_HEADING.test(h) ||
    /关于|通知|要求|\d/u.test(h) ||
    (h.length === heading.replace(/[。；：:]$/u, '').length - 0 && heading.length > 17)
  )
    return null;
  const verbFirst =
    /^(?:严把|把好|守好|畅通|拓宽|加强|优化|完善|明确|规范|严格|落实|加大|强化|推进|提高|降低|扩大|做好|实行|实施|建立|健全)/u.test(h);
  if (/[表单书]$/u.test(h)) return null;
  if (!verbFirst && h.length <= 6 && /(?:方式|渠道|范围|条件|对象|标准|流程|程序|材料|途径|内容|期限|时间|地点)$/u.test(h))
    return { question: `${h}是什么` };
  if (/减免|补贴|补助|支持|延长|延期|降低|减半|免征|免收|缓缴|返还|奖励|贴息|放宽|简化|优化|保障|落实/u.test(h))
    return { question: `${h}有哪些具体规定` };
  return null;
};

/** The forms in the order they are tried: the more specific structure wins. */
const FORMS: Array<[QuestionKind, Form]> = [
  ['definition', definition],
  ['effective', effective],
  ['scope', scope],
  ['penalty', penalty],
  ['conditions', conditions],
  ['materials', materials],
  ['time', timeLimit],
  ['amount', amount],
  ['where', where],
  ['responsibility', responsibility],
  ['benefit', benefit],
  ['prohibition', prohibition],
  ['right', right],
  ['obligation', obligation],
  ['measure', measure],
];

/**
 * The best question the clause answers, or null when no form yields a clean one. Sentences are tried
 * in order (the first states the rule; later ones its exceptions), each with every form.
 */
export function questionFor(clause: string, ctx: QuestionContext = {}): DraftQuestion | null {
  const all = sentencesOf(clause);
  for (const s of all.slice(0, 3)) {
    if (LEANING.test(s.text)) continue;
    for (const [kind, form] of FORMS) {
      const made = form(s, clause, ctx, all);
      const question = made?.question ? finish(made.question, ctx) : null;
      if (!question || GENERIC_APPLICATION.test(question)) continue;
      const answer = made!.answer ?? (all.length > 1 && kind !== 'measure' ? clause.slice(s.start, s.end) : clause);
      return { question, kind, answer: answer.trim() };
    }
  }
  return null;
}
