// One formatter for the whole process: building an Intl formatter costs ~50 µs, formatting with it ~1 µs.
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant, whatever the server's TZ is: the day the law and the public count in. */
export function shanghaiDate(at: Date = new Date()): string {
  return shanghaiDay.format(at);
}
