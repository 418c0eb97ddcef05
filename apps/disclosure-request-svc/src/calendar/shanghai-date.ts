/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant, whatever the server's TZ is. */
export function shanghaiDate(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}
