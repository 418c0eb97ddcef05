import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type Table3Report, isGio, type z } from '@govdisc/contracts';
import { RequestRepository } from './request.repository.js';
import { ROWS, COLUMNS, TABLE3_ASSUMPTIONS, buildTable3, checkTable3, reportingRecord, toCsv } from './domain/table3.js';

/** Annual report Table 3 (spec §9.2) for one agency and year, from the recorded requests. */
@Injectable()
export class Table3UseCase {
  constructor(private readonly requests: RequestRepository) {}

  async execute(q: { year: number; agency: string }, actor: Actor | null): Promise<z.input<typeof Table3Report>> {
    if (!isGio(actor)) throw new DomainError(ErrorCode.DISCLOSURE_FORBIDDEN);
    const records = await this.requests.table3Records(q.agency, `${q.year}-12-31`);
    const table = buildTable3(q.year, records.map(reportingRecord));
    return {
      year: q.year,
      agency: q.agency,
      formatVersion: q.year >= 2021 ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号（按2021格式输出）',
      columns: COLUMNS,
      rows: ROWS.map(([key, label]) => ({ key, label, values: table.get(key)! })),
      checks: checkTable3(table),
      assumptions: TABLE3_ASSUMPTIONS,
      csv: toCsv(table),
    };
  }
}
