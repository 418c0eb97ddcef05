// Generated service-guide content for benches (deterministic): service sites, matters with full guides and
// 一件事 bundles, written as the demo is (an editor saves, a reviewer publishes). Used by bench/guides.mjs
// and bench/unified-search.mjs.
let seed = 13;
/** The generator's deterministic random numbers in [0, 1) (benches draw their request mix from it too). */
export const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(rand() * list.length)];
/** Where generated sites lie (WGS-84). */
export const BOX = { lat: [28.05, 28.35], lng: [112.8, 113.15] };
const DISTRICTS = ['江城区', '东湖区', '临江区', '高新区', '江东经济技术开发区'];
const MATERIALS = [
  '居民身份证',
  '户口簿',
  '营业执照',
  '不动产权证书',
  '结婚证',
  '出生医学证明',
  '社会保障卡',
  '劳动合同',
  '租赁合同',
  '申请表',
  '授权委托书',
  '银行卡',
];
const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, open: '09:00', close: '12:00' },
  { weekday, open: '13:30', close: '17:00' },
]);
/** `sites` sites, `matters` matters (B-M-<i>) and `bundles` bundles (B-B-<i>). */
export function generateGuideContent({ matters: mattersCount, bundles: bundlesCount, sites: sitesCount }) {
  const sites = Array.from({ length: sitesCount }, (_, i) => ({
    id: `B-SITE-${i}`,
    name: `便民服务站 ${i}`,
    level: pick(['市', '区', '街道', '社区']),
    address: `江东市某路 ${i} 号`,
    district: pick(DISTRICTS),
    phones: ['12345'],
    lat: +(BOX.lat[0] + rand() * (BOX.lat[1] - BOX.lat[0])).toFixed(6),
    lng: +(BOX.lng[0] + rand() * (BOX.lng[1] - BOX.lng[0])).toFixed(6),
    weeklyHours: hours,
  }));
  const matters = Array.from({ length: mattersCount }, (_, i) => ({
    code: `B-M-${i}`,
    name: `${pick(['住房公积金', '社会保障卡', '驾驶证', '个体工商户', '失业保险', '医疗保险', '不动产'])}${pick(['提取', '申领', '换证', '登记', '变更', '注销'])}（${i}）`,
    type: pick(['行政许可', '行政给付', '行政确认', '公共服务']),
    department: pick(['江东市人力资源和社会保障局', '江东市住房公积金管理中心', '江东市公安局', '江东市市场监督管理局']),
    summary: '符合条件的申请人可通过网上或窗口办理。'.repeat(3),
    legalBasis: [{ policyId: `demo-policy-${String(1 + (i % 14)).padStart(2, '0')}`, clause: '第三条' }],
    conditions: ['在本市参加社会保险', '材料真实有效'],
    materials: Array.from({ length: 3 + (i % 4) }, (_, k) => ({
      name: MATERIALS[(i + k * 5) % MATERIALS.length],
      exemptedBySharedData: k % 2 === 0,
    })),
    steps: ['申请', '受理', '审核', '办结'].map((name) => ({ name, description: `${name}：按规定办理，材料齐全的当场受理。` })),
    statutoryDays: 20,
    promisedDays: 1 + (i % 10),
    siteIds: Array.from({ length: 3 }, (_, k) => `B-SITE-${(i * 7 + k * 101) % sitesCount}`),
    onlineUrl: `https://zwfw.example.gov.cn/item/B-M-${i}`,
    onlineDepth: pick(['全程网办', '网上预审', '线下办理']),
    consultPhones: ['12345'],
    topics: [pick(['housing-fund', 'social-insurance', 'transport', 'entrepreneurship', 'employment'])], // citizen topic codes (contracts)
  }));
  const bundles = Array.from({ length: bundlesCount }, (_, i) => ({
    code: `B-B-${i}`,
    name: `一件事 ${i}`,
    description: '多个事项一次办。',
    matterCodes: Array.from({ length: 3 + (i % 4) }, (_, k) => `B-M-${(i * 11 + k * 37) % mattersCount}`).filter(
      (c, k, all) => all.indexOf(c) === k,
    ),
  }));
  return { sites, matters, bundles };
}

/** Runs `fn` over items with `n` in flight. */
export async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** Saves everything as the editor (matters through the import route) and publishes it as the reviewer. */
export async function publishGuideContent({ editor, reviewer, content }) {
  const { sites, matters, bundles } = content;
  await pool(sites, 8, async (s) => {
    await editor.post('/sites', s);
    await reviewer.post(`/sites/${s.id}/publish`);
  });
  for (let i = 0; i < matters.length; i += 200) {
    const r = await editor.post('/guides/import', { format: 'json', content: JSON.stringify(matters.slice(i, i + 200)) });
    if (r.rejected.length) throw new Error(`import rejected ${JSON.stringify(r.rejected.slice(0, 3))}`);
  }
  await pool(matters, 8, (m) => reviewer.post(`/guides/${m.code}/publish`));
  await pool(bundles, 8, async (b) => {
    await editor.post('/bundles', b);
    await reviewer.post(`/bundles/${b.code}/publish`);
  });
}
