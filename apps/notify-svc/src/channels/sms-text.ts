/** One SMS is at most 10 concatenated parts (670 characters with its title): a longer body is cut with "…". */
export function fitSms(title: string, body: string, max = 670): string {
  const room = max - title.length - 1;
  return body.length <= room ? body : `${body.slice(0, Math.max(0, room - 1))}…`;
}
