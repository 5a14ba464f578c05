import { listDisputes } from '../metrics/list-disputes.ts';
import { listDisputesTool } from '../tools/list-disputes.ts';
import { resolveToolScope } from '../tools/resolve-tool-scope.ts';
import { CASE_REPORT_COLUMNS } from './case-columns.ts';
import type { ReportColumn, ReportRow } from './report-column.ts';
import { DEFAULT_CHUNK_SIZE, defineReport } from './report-definition.ts';

const COLUMNS: readonly ReportColumn[] = [
  ...CASE_REPORT_COLUMNS.filter((c) => c.name !== 'respond_by'),
  { name: 'respond_by', header: 'Respond by (UTC)', type: 'datetime' },
  { name: 'hours_to_respond', header: 'Hours left to respond', type: 'number' },
  { name: 'overdue', header: 'Overdue', type: 'text' },
];

export const disputesReport = defineReport({
  name: 'disputes',
  title: 'Claims, disputes and chargebacks',
  description:
    'One row per A-to-z claim, eBay case, payment dispute or chargeback, soonest response deadline first, with the hours left (negative = overdue) and the link to respond on the platform. Open ones only unless {"open_only":false}. Takes the input of list_disputes (platforms, stores, kinds, skus, assignees, order_id, text, period or from/to).',
  inputLike: 'list_disputes',
  // A file holds every dispute, so the paging fields of list_disputes do not apply.
  input: listDisputesTool.input.omit({ limit: true, offset: true }),
  columns: COLUMNS,
  async prepare(input, deps, options) {
    const s = await resolveToolScope(deps, input, { period: 'when-given' });
    const chunk = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    // Deadline order is what a person works through, so pages follow list_disputes' own order
    // (disputes are a small share of cases; paging by offset keeps memory to one page).
    async function* rows(): AsyncGenerator<ReportRow> {
      for (let offset = 0; ; offset += chunk) {
        const page = await listDisputes(deps, { filters: s.filters, openOnly: input.open_only, limit: chunk, offset });
        for (const d of page.disputes) {
          const { lines, ...rest } = d;
          yield {
            ...rest,
            requested_at: new Date(d.requested_at),
            decided_at: d.decided_at === null ? null : new Date(d.decided_at),
            closed_at: d.closed_at === null ? null : new Date(d.closed_at),
            refunded_at: d.refunded_at === null ? null : new Date(d.refunded_at),
            respond_by: d.respond_by === null ? null : new Date(d.respond_by),
            skus: lines.map((l) => `${l.seller_sku}×${l.quantity}`).join(', '),
            units: lines.reduce((sum, l) => sum + l.quantity, 0),
            overdue: d.overdue ? 'yes' : 'no',
          };
        }
        if (page.disputes.length < chunk) return;
      }
    }
    return { columns: COLUMNS, rows: rows(), ...(await s.meta('request_date')) };
  },
});
