/**
 * A flat-file report (tab-separated, first line the header) as records keyed by header name.
 * Amazon's flat files do not quote fields, so a tab or newline never occurs inside a value.
 */
export function parseTsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  if (header.length === 0 || header[0] === '') return [];
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    header.forEach((name, k) => {
      const value = cells[k];
      if (value !== undefined && value !== '') row[name] = value;
    });
    rows.push(row);
  }
  return rows;
}
