import type { SearchAnalyticsRepository, SearchEventRow } from './search-analytics.repository.js';
import type { SearchEventBuffer } from './search-event-buffer.js';
import { SearchAnalyticsService } from './search-analytics.service.js';

function serviceWithRecorder() {
  const rows: SearchEventRow[] = [];
  const buffer = { add: (row: SearchEventRow) => rows.push(row) } as unknown as SearchEventBuffer;
  return { rows, service: new SearchAnalyticsService(buffer, {} as SearchAnalyticsRepository) };
}

test('ID-card and phone numbers typed into search are masked before they are stored', () => {
  const { rows, service } = serviceWithRecorder();
  service.recordSearch('身份证11010519491231002X 手机13812345678 社保', 0);
  service.recordClick({ query: '身份证11010519491231002X 手机13812345678 社保', documentId: 'd1' });
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.query).not.toMatch(/11010519491231002|13812345678/);
    expect(row.query).toContain('[身份证号]');
    expect(row.query).toContain('[手机号]');
  }
  expect(rows[0]!.query).toBe(rows[1]!.query); // the click still matches its search
});

test('document numbers and years stay as typed', () => {
  const { rows, service } = serviceWithRecorder();
  service.recordSearch('江东府发〔2023〕12号 2024年 补贴', 3);
  expect(rows[0]!.query).toContain('2023');
  expect(rows[0]!.query).toContain('12号');
  expect(rows[0]!.query).toContain('2024年');
});
