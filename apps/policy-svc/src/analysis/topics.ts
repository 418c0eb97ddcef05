import type { PolicyTopic } from '@govdisc/contracts';
import { normalize } from '@govdisc/text-analysis';

/** The topic taxonomy (the 16 topic services of a city policy platform) with their cue words. */
export const TOPIC_TAXONOMY: Record<PolicyTopic, readonly string[]> = {
  企业扶持: ['中小企业', '小微企业', '民营经济', '企业发展', '专精特新', '营商环境', '复工复产', '减免', '纾困'],
  财政补贴: ['补贴', '补助', '奖励', '财政资金', '专项资金', '贴息'],
  税收: ['税收', '增值税', '所得税', '纳税', '税务', '征税', '退税', '免征'],
  就业创业: ['就业', '创业', '招聘', '失业', '稳岗', '职业培训', '劳动合同', '工资'],
  社会保险: ['社会保险', '养老保险', '失业保险', '工伤保险', '社保', '缴费基数'],
  医疗卫生: ['医疗', '医保', '医院', '卫生', '药品', '疾病', '诊疗', '医师', '疫苗'],
  疫情防控: ['疫情', '新型冠状病毒', '肺炎', '防控', '隔离', '口罩', '防疫'],
  教育: ['学校', '教育', '学生', '教师', '招生', '学前', '义务教育', '高等教育'],
  住房: ['住房', '房地产', '公积金', '物业', '房屋', '租赁', '保障性住房', '不动产'],
  交通运输: ['道路', '交通', '运输', '车辆', '机动车', '公路', '铁路', '航空', '港口'],
  环境保护: ['环境', '污染', '排放', '生态', '环保', '固体废物', '水资源', '节能'],
  民政救助: ['救助', '社会救助', '低保', '养老服务', '残疾人', '慈善', '未成年人', '婚姻'],
  市场监管: ['市场监管', '食品安全', '产品质量', '价格', '广告', '消费者', '特种设备', '电梯'],
  公共安全: ['安全生产', '消防', '治安', '应急', '危险化学品', '突发事件', '网络安全'],
  司法诉讼: ['诉讼', '审判', '检察', '刑事', '民事', '仲裁', '法院', '司法解释'],
  农业农村: ['农业', '农村', '农民', '耕地', '种子', '畜牧', '渔业', '乡村'],
};

const MIN_SHARE = 0.25;

export interface TopicResult {
  topics: string[];
  /** share of the best topic's cue weight among all topics (0..1); null when no cue matched */
  confidence: number | null;
}

function countOf(text: string, cue: string): number {
  let n = 0;
  for (let i = text.indexOf(cue); i !== -1 && n < 50; i = text.indexOf(cue, i + cue.length)) n++;
  return n;
}

/** Cue-word scoring: title hits weigh 5×, body hits are capped so one long law cannot swamp a topic. */
export function classifyTopics(title: string, body: string): TopicResult {
  const t = normalize(title);
  const b = normalize(body.slice(0, 20_000));
  const scores = Object.entries(TOPIC_TAXONOMY).map(([topic, cues]) => {
    const s = cues.reduce((acc, cue) => acc + 5 * countOf(t, cue) + Math.min(10, countOf(b, cue)), 0);
    return [topic, s] as const;
  });
  const total = scores.reduce((a, [, s]) => a + s, 0);
  if (total === 0) return { topics: [], confidence: null };
  const ranked = [...scores].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const kept = ranked.filter(([, s], i) => i === 0 || s / total >= MIN_SHARE).slice(0, 2);
  return { topics: kept.map(([topic]) => topic), confidence: Math.round((ranked[0]![1] / total) * 100) / 100 };
}
