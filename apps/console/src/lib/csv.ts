/** One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). */
const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Rows as CSV text (CRLF line ends, as Excel writes them). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A CSV download Excel opens in Chinese: UTF-8 with a byte-order mark (without it Excel on Windows reads the file
 * as GBK and shows mojibake), under a Chinese file name (RFC 5987).
 */
export function csvResponse(fileName: string, csv: string): Response {
  const body = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="download.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}
