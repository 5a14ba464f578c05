// A plain-text rendering of any tool output: for people at a terminal (`helloword tool`) and
// for MCP clients that ignore structured output. Generic on purpose: a new tool renders
// without new code. Shares and rates (0–1) print as percentages.

const CELL_MAX = 42;

const isShareKey = (key: string) => /(^|_)(rate|share)(_|$)/.test(key) || key.startsWith('rate_by_');

function scalar(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (isShareKey(key)) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Math.round(value * 100) / 100);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    // Case lines and other short lists of small objects: "TEE-M×2, MUG×1".
    return value
      .map((v) =>
        v && typeof v === 'object' && 'seller_sku' in v ? `${String(v.seller_sku)}×${String((v as { quantity?: unknown }).quantity ?? '')}` : scalar(key, v),
      )
      .join(', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.first_day === 'string' && typeof o.last_day === 'string') return `${o.first_day} to ${o.last_day}`;
    if (typeof o.amount === 'number' && typeof o.currency === 'string') {
      const rest = Array.isArray(o.unconverted) ? (o.unconverted as { amount: number; currency: string }[]) : [];
      const money = (a: number, c: string) => `${a.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${c}`;
      return [money(o.amount, o.currency), ...rest.map((u) => `${money(u.amount, u.currency)} (no exchange rate)`)].join(' + ');
    }
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k} ${scalar(k, v)}`)
      .join(', ');
  }
  return String(value);
}

const clip = (s: string) => (s.length > CELL_MAX ? `${s.slice(0, CELL_MAX - 1)}…` : s);

function table(rows: Record<string, unknown>[]): string[] {
  if (rows.length === 0) return ['  (none)'];
  const columns = Object.keys(rows[0] ?? {}).filter((k) => rows.some((r) => r[k] !== null && r[k] !== undefined));
  const cells = rows.map((r) => columns.map((c) => clip(scalar(c, r[c]).replace(/\s+/g, ' '))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (values: string[]) => `  ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

function section(key: string, value: unknown, indent: string): string[] {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
    return [`${indent}${key}:`, ...table(value as Record<string, unknown>[]).map((l) => indent + l)];
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const o = value as Record<string, unknown>;
    const special = (typeof o.first_day === 'string' && typeof o.last_day === 'string') || (typeof o.amount === 'number' && typeof o.currency === 'string');
    const flat = special || entries.every(([, v]) => v === null || typeof v !== 'object' || Array.isArray(v));
    if (flat) return [`${indent}${key}: ${scalar(key, value)}`];
    return [`${indent}${key}:`, ...entries.flatMap(([k, v]) => section(k, v, `${indent}  `))];
  }
  return [`${indent}${key}: ${scalar(key, value)}`];
}

/** The footer every answer shares: freshness and what was counted. */
function scopeLine(output: Record<string, unknown>): string {
  const filters = (output.filters ?? {}) as {
    period?: { first_day: string; last_day: string; time_zone: string } | null;
    date_basis?: string | null;
    stores?: string[];
  };
  const parts: string[] = [];
  if (filters.period)
    parts.push(
      `period ${filters.period.first_day} to ${filters.period.last_day} (${filters.period.time_zone})${filters.date_basis ? ` by ${filters.date_basis.replace('_', ' ')}` : ''}`,
    );
  if (filters.stores?.length) parts.push(`stores ${filters.stores.join(', ')}`);
  parts.push(output.as_of ? `data as of ${String(output.as_of)}` : 'data freshness unknown (a store has not synced yet)');
  return parts.join('; ');
}

export function renderToolText(title: string, output: Record<string, unknown>): string {
  const lines = [title];
  for (const [key, value] of Object.entries(output)) {
    if (key === 'as_of' || key === 'filters') continue;
    lines.push(...section(key, value, ''));
  }
  if ('filters' in output) lines.push('', scopeLine(output));
  return `${lines.join('\n')}\n`;
}
