/**
 * The rows a <RowsField name=…> posted, in their on-screen order: `<name>.<row>.<column>` → one record per row. A row
 * whose typed fields are all blank is dropped (添加 pressed once too often); `chosen` names the columns that always
 * post a value (selects, checkboxes) and so do not count as typed.
 */
export function rowsOf(form: FormData, name: string, chosen: readonly string[] = []): Array<Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = new RegExp(`^${name}\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (!m || typeof value !== 'string') continue;
    const row = rows.get(Number(m[1])) ?? {};
    row[m[2]!] = value.trim();
    rows.set(Number(m[1]), row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.entries(row).some(([k, v]) => v !== '' && !chosen.includes(k)));
}

/** A number field: undefined when blank (the contract's default applies), NaN is sent as typed so the server says why. */
export const numberOr = (value: string | undefined): number | undefined =>
  value === undefined || value === '' ? undefined : Number(value);

/** Phone numbers and other short lists typed in one field, separated by commas, 、 or spaces between entries. */
export const listOf = (value: string): string[] =>
  value
    .split(/[,，、;；\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);
