import type { DocumentScore } from './document-scoring';
import { table } from './text-table';
import { AUTO_ACCEPT_SILENT_TARGET, passedFlaggedTally, silentTally, silentText, touchlessText } from './auto-accept-report';
import { CORE_FIELDS, type CommonField } from './truth-document';

export interface ResourceSample {
  path: DocumentScore['path'];
  pages: number;
  milliseconds: number;
  /** Resident memory of the benchmark process after the document. */
  rss: number;
}

const percentile = (values: number[], share: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
};

/** Latency per page and memory, per path (documents read one after the other on one core's worth of work). */
export function renderSpeed(samples: ResourceSample[]): string {
  const rows: string[][] = [];
  for (const path of ['xml', 'text', 'ocr', 'unextracted'] as const) {
    const selected = samples.filter((sample) => sample.path === path);
    if (selected.length === 0) continue;
    const pages = selected.reduce((sum, sample) => sum + sample.pages, 0);
    const total = selected.reduce((sum, sample) => sum + sample.milliseconds, 0);
    const perPage = selected.filter((sample) => sample.pages > 0).map((sample) => sample.milliseconds / sample.pages);
    rows.push([
      path,
      String(selected.length),
      String(pages),
      pages > 0 ? (total / pages).toFixed(1) : '–',
      perPage.length > 0 ? percentile(perPage, 0.5).toFixed(1) : '–',
      perPage.length > 0 ? percentile(perPage, 0.95).toFixed(1) : '–',
      pages > 0 ? ((pages * 1000) / total).toFixed(1) : '–',
      (Math.max(...selected.map((sample) => sample.rss)) / 2 ** 20).toFixed(0),
    ]);
  }
  return `speed and memory per path (sequential, one document at a time; RSS of the benchmark process):\n${table(['path', 'docs', 'pages', 'ms/page', 'p50 ms/page', 'p95 ms/page', 'pages/s', 'max RSS MB'], rows)}`;
}

function f1Of(scores: DocumentScore[], field: CommonField): string {
  const outcomes = scores.flatMap((score) => score.fields).filter((outcome) => outcome.field === field && outcome.bucket === 'visible');
  const n = outcomes.filter((outcome) => outcome.truth !== null).length;
  if (n === 0) return '–';
  const predicted = outcomes.filter((outcome) => outcome.predicted !== null).length;
  const correct = outcomes.filter((outcome) => outcome.truth !== null && outcome.correct).length;
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = correct / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return `${(f1 * 100).toFixed(1)}`;
}

/** One headline row per set: core-field F1 and the share of documents with every core field right. */
export function renderHeadlines(scores: DocumentScore[]): string {
  const sets = [...new Set(scores.map((score) => score.truth.set))];
  const rows = sets.map((set) => {
    const selected = scores.filter((score) => score.truth.set === set);
    const extracted = selected.filter((score) => score.path !== 'unextracted').length;
    const allCore = selected.filter((score) => score.allCoreCorrect).length;
    return [set, String(selected.length), String(extracted), ...CORE_FIELDS.map((field) => f1Of(selected, field)), `${((allCore / selected.length) * 100).toFixed(1)}`];
  });
  return `headline (normalized F1 % per core field; all-core = documents with every core field right):\n${table(['set', 'docs', 'extracted', ...CORE_FIELDS, 'all-core %'], rows)}`;
}

const f1Value = (scores: DocumentScore[], field: CommonField): number => Number(f1Of(scores, field));

/** The issue's targets, each checked on the sets it is about (documents no rule was written against). */
export function renderTargets(scores: DocumentScore[], productThreshold: number): string {
  const lines: string[] = [];
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const einvoices = scores.filter((score) => score.truth.set.startsWith('invoices/einvoice/') && !score.truth.set.includes('scan'));
  if (einvoices.length > 0) {
    const outcomes = einvoices.flatMap((score) => score.fields).filter((outcome) => outcome.truth !== null);
    const wrong = outcomes.filter((outcome) => !outcome.correct).length;
    lines.push(`e-invoices, all fields present in the XML 100%: ${outcomes.length - wrong}/${outcomes.length} → ${verdict(wrong === 0)}`);
  }
  // The development corpus and each held-out one (documents no rule was written against) are checked on their own.
  for (const [set, name] of [['generated/born-digital', 'born-digital PDFs (generated)'], ['generated/held-out', 'held-out born-digital PDFs'], ['generated/held-out-2', 'second held-out born-digital PDFs'], ['generated/held-out-3', 'third held-out born-digital PDFs'], ['generated/held-out-4', 'fourth held-out born-digital PDFs']]) {
    const bornDigital = scores.filter((score) => score.truth.set === set);
    if (bornDigital.length === 0) continue;
    const values = CORE_FIELDS.map((field) => [field, f1Value(bornDigital, field)] as const);
    lines.push(`${name}, core-field F1 ≥ 95%: ${values.map(([field, value]) => `${field} ${value.toFixed(1)}`).join(', ')} → ${verdict(values.every(([, value]) => value >= 95))}`);
  }
  const receipts = scores.filter((score) => score.truth.set === 'receipts/sroie');
  if (receipts.length > 0) {
    const [total, date] = [f1Value(receipts, 'total_gross'), f1Value(receipts, 'issue_date')];
    lines.push(`scanned receipts (SROIE), total F1 ≥ 85%: ${total.toFixed(1)} → ${verdict(total >= 85)}; date F1 ≥ 90%: ${date.toFixed(1)} → ${verdict(date >= 90)}`);
  }
  // Every field the system would take without a person, by the extract step's own rule, per set and pooled; a
  // silent rate means little without the share of documents that actually pass, so the two are printed together.
  const pooled = silentTally(scores);
  lines.push(
    `silent errors among auto-accepted values, all fields (extract step's rule: no blocking issue, no required field missing, confidence threshold ${productThreshold}), all sets pooled ≤ 0.5%: ${silentText(pooled)} → ${verdict(pooled.wrong / Math.max(1, pooled.accepted) <= AUTO_ACCEPT_SILENT_TARGET)}`,
  );
  return `targets (issue 4):\n  ${lines.join('\n  ')}\n${renderTouchless(scores)}`;
}

/** Per set and pooled: documents that need no person, and the silent errors among the values they let through. */
export function renderTouchless(scores: DocumentScore[]): string {
  const sets = [...new Set(scores.map((score) => score.truth.set))];
  const row = (name: string, selected: DocumentScore[]): string[] => [name, touchlessText(selected), silentText(silentTally(selected)), silentText(passedFlaggedTally(selected))];
  const rows = [...sets.map((set) => row(set, scores.filter((score) => score.truth.set === set))), row('all sets pooled', scores)];
  return `touchless share and silent errors per set (extract step's needsReview / autoAcceptedFields):\n${table(['set', 'touchless docs', 'silent errors (auto-accepted values)', 'flagged values passed, wrong'], rows)}`;
}
