import { CRITICAL_GROUPS, COMMON_FIELDS, CORE_FIELDS, type CommonField } from './truth-document';
import { ibanPassesMod97, type DocumentScore, type FieldOutcome } from './document-scoring';
import { wilsonInterval } from './wilson';
import { renderAutoAccept } from './auto-accept-report';
import { table } from './text-table';

export const THRESHOLDS = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1];
/** Silent errors allowed among auto-accepted totals, dates and invoice numbers. */
export const SILENT_ERROR_TARGET = 0.005;

const pct = (value: number): string => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}` : '–');
const ratio = (part: number, whole: number): number => (whole === 0 ? Number.NaN : part / whole);
const f1 = (precision: number, recall: number): number => {
  if (!Number.isFinite(precision) || !Number.isFinite(recall)) return Number.NaN;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
};

interface FieldTally {
  n: number;
  predicted: number;
  exact: number;
  correct: number;
  near: number;
  sign: number;
}

function tally(outcomes: FieldOutcome[]): FieldTally {
  const withTruth = outcomes.filter((outcome) => outcome.truth !== null);
  return {
    n: withTruth.length,
    predicted: outcomes.filter((outcome) => outcome.predicted !== null).length,
    exact: withTruth.filter((outcome) => outcome.exact).length,
    correct: withTruth.filter((outcome) => outcome.correct).length,
    near: withTruth.filter((outcome) => outcome.near).length,
    sign: withTruth.filter((outcome) => outcome.signError).length,
  };
}

function fieldRow(name: string, counts: FieldTally): string[] {
  const precision = ratio(counts.correct, counts.predicted);
  const recall = ratio(counts.correct, counts.n);
  const exactPrecision = ratio(counts.exact, counts.predicted);
  const exactRecall = ratio(counts.exact, counts.n);
  const [low, high] = wilsonInterval(counts.correct, counts.n);
  return [name, String(counts.n), String(counts.predicted), pct(f1(exactPrecision, exactRecall)), pct(precision), pct(recall), pct(f1(precision, recall)), `${pct(low)}–${pct(high)}`, String(counts.near), String(counts.sign)];
}

const accepted = (outcome: FieldOutcome, threshold: number): boolean => outcome.predicted !== null && outcome.confidence >= threshold && !outcome.flagged;

/** One set's report: per-field table, lines, documents, dates, IBANs, validators, straight-through sweep. */
export function renderSetReport(title: string, scores: DocumentScore[], productThreshold?: number): string {
  const out: string[] = [];
  const byPath = new Map<string, number>();
  const errors = new Map<string, number>();
  for (const score of scores) {
    byPath.set(score.path, (byPath.get(score.path) ?? 0) + 1);
    if (score.error) errors.set(score.error, (errors.get(score.error) ?? 0) + 1);
  }
  const paths = [...byPath].map(([path, count]) => `${path} ${count}`).join(', ');
  const errorText = errors.size > 0 ? ` (${[...errors].map(([code, count]) => `${code} ×${count}`).join(', ')})` : '';
  out.push(`\n=== ${title}: ${scores.length} documents; read as ${paths}${errorText} ===`);
  const unextracted = scores.filter((score) => score.path === 'unextracted').length;

  const outcomes = scores.flatMap((score) => score.fields);
  const rows: string[][] = [];
  for (const bucket of ['visible', 'inferable'] as const) {
    for (const field of COMMON_FIELDS) {
      const selected = outcomes.filter((outcome) => outcome.field === field && outcome.bucket === bucket);
      if (selected.every((outcome) => outcome.truth === null) && bucket === 'inferable') continue;
      const counts = tally(selected);
      if (counts.n === 0 && counts.predicted === 0) continue;
      rows.push(fieldRow(bucket === 'inferable' ? `${field} (inferable)` : field, counts));
    }
  }
  const lineScores = scores.filter((score) => score.truth.lines && score.truth.lines.length > 0);
  if (lineScores.length > 0) {
    const truths = lineScores.reduce((sum, score) => sum + (score.truth.lines?.length ?? 0), 0);
    const predicted = lineScores.reduce((sum, score) => sum + (score.lines?.predicted ?? 0), 0);
    const correct = lineScores.reduce((sum, score) => sum + (score.lines?.correct ?? 0), 0);
    rows.push(fieldRow('line_items (lines)', { n: truths, predicted, exact: correct, correct, near: 0, sign: 0 }));
  }
  if (rows.length > 0) out.push(table(['field', 'n', 'pred', 'exact F1', 'P', 'R', 'F1', 'R 95% CI', 'near', 'sign err'], rows));

  const allCore = scores.filter((score) => score.allCoreCorrect).length;
  const [coreLow, coreHigh] = wilsonInterval(allCore, scores.length);
  const linesAllRight = lineScores.filter((score) => score.lines && score.lines.correct === score.lines.truths && score.lines.predicted === score.lines.truths).length;
  const coreFields = CORE_FIELDS.filter((field) => !(scores[0]?.truth.receipt && field === 'invoice_number'));
  out.push(`documents with all core fields correct (${coreFields.join(', ')}): ${allCore}/${scores.length} = ${pct(ratio(allCore, scores.length))}% (95% CI ${pct(coreLow)}–${pct(coreHigh)})${lineScores.length > 0 ? `; all lines correct: ${linesAllRight}/${lineScores.length}` : ''}${unextracted > 0 ? `; unextracted: ${unextracted}` : ''}`);

  const ambiguous = outcomes.filter((outcome) => outcome.ambiguous);
  if (ambiguous.length > 0) {
    const predicted = ambiguous.filter((outcome) => outcome.predicted !== null);
    const autoAccepted = predicted.filter((outcome) => accepted(outcome, 0.9));
    out.push(`ambiguous dates (dd/mm vs mm/dd, no evidence): ${ambiguous.length} printed, ${predicted.length} predicted, ${autoAccepted.length} would be auto-accepted at confidence 0.9 (should be 0), ${predicted.filter((outcome) => outcome.correct).length} happen to be right`);
  }

  const ibans = outcomes.filter((outcome) => outcome.field === 'iban');
  if (ibans.length > 0) {
    const predicted = ibans.filter((outcome) => outcome.predicted !== null);
    const passing = predicted.filter((outcome) => ibanPassesMod97(outcome.predicted!)).length;
    const invalidTruth = ibans.filter((outcome) => outcome.truth !== null && !ibanPassesMod97(outcome.truth));
    out.push(`IBAN: ${predicted.length} predicted, ${passing} pass mod-97; ${invalidTruth.length} truth IBANs fail mod-97: ${invalidTruth.filter((outcome) => outcome.correct).length} transcribed as printed, ${invalidTruth.filter((outcome) => outcome.flagged).length} flagged`);
  }

  const wrong = outcomes.filter((outcome) => outcome.predicted !== null && !outcome.correct && outcome.bucket === 'visible');
  const caught = wrong.filter((outcome) => outcome.flagged).length;
  const flags = scores.flatMap((score) => score.flags);
  const reasons = [...new Set(flags.map((flag) => flag.reason))].map((reason) => {
    const selected = flags.filter((flag) => flag.reason === reason);
    return `${reason} ${selected.filter((flag) => flag.raised).length}/${selected.length}`;
  });
  out.push(`validators: ${caught}/${wrong.length} wrong extractions flagged by an issue (hit rate ${pct(ratio(caught, wrong.length))}%)${reasons.length > 0 ? `; deliberate faults flagged: ${reasons.join(', ')}` : ''}`);

  if (unextracted < scores.length) out.push(renderSweep(scores, productThreshold));
  if (unextracted < scores.length && productThreshold !== undefined) out.push(renderAutoAccept(scores, productThreshold));
  return out.join('\n');
}

/** Straight-through vs silent errors: accept a field when confidence ≥ t and no issue names it. */
export function renderSweep(scores: DocumentScore[], productThreshold?: number): string {
  const groups: [string, CommonField[]][] = [...Object.entries(CRITICAL_GROUPS), ['all fields', [...COMMON_FIELDS]]];
  const rows: string[][] = [];
  let recommended: number | null = null;
  const thresholds = productThreshold === undefined ? THRESHOLDS : [...new Set([...THRESHOLDS, productThreshold])].sort((a, b) => a - b);
  for (const threshold of thresholds) {
    const row = [`≥ ${threshold}${threshold === productThreshold ? ' (product)' : ''}`];
    let criticalAccepted = 0;
    let criticalWrong = 0;
    for (const [name, fields] of groups) {
      const selected = scores.flatMap((score) => score.fields).filter((outcome) => fields.includes(outcome.field) && outcome.bucket === 'visible');
      const withTruth = selected.filter((outcome) => outcome.truth !== null).length;
      const taken = selected.filter((outcome) => accepted(outcome, threshold));
      const wrong = taken.filter((outcome) => !outcome.correct).length;
      if (name !== 'all fields') {
        criticalAccepted += taken.length;
        criticalWrong += wrong;
      }
      row.push(`${pct(ratio(taken.length, withTruth))} / ${pct(ratio(wrong, taken.length))}`);
    }
    const straight = scores.filter((score) => score.path !== 'unextracted' && !score.hasErrorIssue && score.fields.every((outcome) => outcome.predicted === null || accepted(outcome, threshold)));
    const straightWrong = straight.filter((score) => score.fields.some((outcome) => outcome.predicted !== null && !outcome.correct));
    row.push(`${pct(ratio(straight.length, scores.length))} / ${pct(ratio(straightWrong.length, straight.length))}`);
    rows.push(row);
    const [, upper] = wilsonInterval(criticalWrong, criticalAccepted);
    if (recommended === null && criticalAccepted > 0 && criticalWrong / criticalAccepted <= SILENT_ERROR_TARGET) recommended = threshold;
    row.push(criticalAccepted > 0 ? `${pct(upper)}` : '–');
  }
  const header = ['confidence', ...groups.map(([name]) => `${name} auto% / silent%`), 'docs STP% / wrong%', 'crit. silent 95% upper'];
  const verdict =
    recommended === null
      ? `no threshold keeps silent errors on totals, dates and invoice numbers ≤ ${SILENT_ERROR_TARGET * 100}% in this set`
      : `lowest threshold with silent errors on totals, dates and invoice numbers ≤ ${SILENT_ERROR_TARGET * 100}%: ${recommended}`;
  return `straight-through vs silent errors (auto% of fields with truth accepted; silent% wrong among accepted):\n${table(header, rows)}\n${verdict}`;
}

/** Core-field success by a tag (layout, language, scan degradation) for the generated sets. */
export function renderBreakdown(scores: DocumentScore[], tag: string): string {
  const groups = new Map<string, DocumentScore[]>();
  for (const score of scores) {
    const key = score.truth.tags[tag];
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), score]);
  }
  if (groups.size === 0) return '';
  const parts = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, selected]) => `${key} ${selected.filter((score) => score.allCoreCorrect).length}/${selected.length}`);
  return `all core fields correct by ${tag}: ${parts.join(', ')}`;
}
