/**
 * 居民身份证号码 (GB 11643-1999): 17 digits + ISO 7064 MOD 11-2 check character (0-9 or X).
 * Returns null when valid, otherwise the Chinese message for the applicant.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位，前17位为数字，最后一位为数字或X。';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return '身份证号码中的出生日期无效。';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return '身份证号码校验位不正确，请核对后重新填写。';
  return null;
}

/** 统一社会信用代码: 18 characters of digits and capital letters except I, O, Z, S, V. */
export function creditCodeProblem(raw: string): string | null {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(raw.trim().toUpperCase())
    ? null
    : '统一社会信用代码应为18位数字或大写字母。';
}
