/**
 * Personal numbers people type where they do not belong (a search box, a URL): an 18-character
 * 居民身份证号码 (17 digits + digit or X) and a mainland mobile number (11 digits starting 13–19,
 * optionally +86 and spaced or hyphenated 3-4-4). Both are replaced before the text is stored or
 * logged. Precise on purpose: document numbers (〔2023〕12号), years, dates and amounts stay.
 */
const ID_CARD = /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])/g;

export const MASKED_ID_NUMBER = '[身份证号]';
export const MASKED_PHONE = '[手机号]';

export function maskPersonalNumbers(text: string): string {
  return text.replace(ID_CARD, MASKED_ID_NUMBER).replace(MOBILE, MASKED_PHONE);
}
