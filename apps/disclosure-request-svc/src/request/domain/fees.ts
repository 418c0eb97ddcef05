/**
 * 信息处理费 (国办函〔2020〕109号), both bases progressive; per request one basis only (the contract's
 * discriminated union makes "both" unrepresentable). Amounts in whole 元.
 */

/** Per item (按件): the applicant's n-th request in the calendar month. */
export function perItemFee(n: number): number {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (2 + Math.floor((n - 31) / 10));
}

const VOLUME_BANDS: ReadonlyArray<{ upTo: number; price: number }> = [
  { upTo: 30, price: 0 },
  { upTo: 100, price: 10 },
  { upTo: 200, price: 20 },
  { upTo: Infinity, price: 40 },
];

/** Per volume (按量): marginal price per page band. */
export function perVolumeFee(pages: number): number {
  let fee = 0;
  let from = 0;
  for (const band of VOLUME_BANDS) {
    if (pages <= from) break;
    fee += (Math.min(pages, band.upTo) - from) * band.price;
    from = band.upTo;
  }
  return fee;
}

export type FeeBasisInput = { type: 'PER_ITEM' } | { type: 'PER_VOLUME'; pages: number };

export function computeFee(basis: FeeBasisInput, monthlyIndex: number): { amount: number; computation: string } {
  if (basis.type === 'PER_ITEM') {
    const amount = perItemFee(monthlyIndex);
    return { amount, computation: `按件计收：申请人本月第 ${monthlyIndex} 件申请，收费 ${amount} 元` };
  }
  const amount = perVolumeFee(basis.pages);
  return { amount, computation: `按量计收：${basis.pages} 页，超额累进合计 ${amount} 元` };
}
