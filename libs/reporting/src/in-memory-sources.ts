import type { AuditRecord } from '@conveyor/audit';
import type {
  AuditExtractQuery, AuditSource, ExceptionQuery, ExceptionRecord, ExceptionSource, OpenItemQuery, OpenItemRecord, OpenItemSource,
  ReconciliationSummaryLine, ReconciliationSummaryQuery, ReconciliationSummarySource,
} from './report-sources';

/** Open items held in memory (tests, the benchmark, `conveyor` commands over files): filtered and ordered as the port promises. */
export class InMemoryOpenItemSource implements OpenItemSource {
  constructor(private readonly items: readonly OpenItemRecord[]) {}

  async *openItems(query: OpenItemQuery): AsyncGenerator<OpenItemRecord> {
    const selected = this.items.filter((item) => item.issueDate <= query.asOf
      && (query.vendorId === undefined || item.vendorId === query.vendorId)
      && (query.vendorName === undefined || item.vendorName === query.vendorName));
    // Keys computed once per item, not once per comparison.
    const keyed = selected.map((item) => ({ item, key: sortKey(item) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { item } of keyed) yield item;
  }
}

/** The port's order: vendor name, vendor id, currency, effective due date, invoice number, id (code-point order). */
export function compareOpenItems(a: OpenItemRecord, b: OpenItemRecord): number {
  const left = sortKey(a);
  const right = sortKey(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The parts joined by U+0000, which sorts before every other character: one comparison orders by all parts in turn. */
function sortKey(item: OpenItemRecord): string {
  return [item.vendorName, item.vendorId ?? '', item.currency, item.dueDate ?? item.issueDate, item.invoiceNumber, item.id].join('\u0000');
}

export class InMemoryReconciliationSummarySource implements ReconciliationSummarySource {
  constructor(private readonly lines: readonly ReconciliationSummaryLine[]) {}

  async *summary(query: ReconciliationSummaryQuery): AsyncGenerator<ReconciliationSummaryLine> {
    const from = query.from.slice(0, 7);
    const to = query.to.slice(0, 7);
    yield* this.lines
      .filter((line) => line.period >= from && line.period <= to && (query.account === undefined || line.account === query.account))
      .sort((a, b) => `${a.account}|${a.period}|${a.currency}`.localeCompare(`${b.account}|${b.period}|${b.currency}`));
  }
}

export class InMemoryExceptionSource implements ExceptionSource {
  constructor(private readonly records: readonly ExceptionRecord[]) {}

  async *exceptions(query: ExceptionQuery): AsyncGenerator<ExceptionRecord> {
    yield* this.records
      .filter((record) => record.openedAt < query.openedBefore
        && (record.status === 'open' || query.resolvedFrom === undefined || (record.resolvedAt !== null && record.resolvedAt >= query.resolvedFrom)))
      .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  }
}

export class InMemoryAuditSource implements AuditSource {
  constructor(private readonly trail: readonly AuditRecord[]) {}

  async *records(query: AuditExtractQuery): AsyncGenerator<AuditRecord> {
    yield* this.trail.filter((record) => (query.from === undefined || record.at >= query.from)
      && (query.to === undefined || record.at < query.to) && (query.entityId === undefined || record.entityId === query.entityId));
  }
}
