import type { DocumentScore, FieldOutcome } from './document-scoring';
import { table } from './text-table';
import { COMMON_FIELDS } from './truth-document';
import { wilsonInterval } from './wilson';

/** Silent errors allowed among the values the system auto-accepts (issue 4), whatever the field. */
export const AUTO_ACCEPT_SILENT_TARGET = 0.005;

export interface SilentTally {
  /** Values the system took without a person (the extract step's rule: `autoAcceptedFields`). */
  accepted: number;
  /** Of those, wrong (a value for a field the page does not print counts as wrong). */
  wrong: number;
}

const pct = (part: number, whole: number, digits = 1): string => (whole === 0 ? '–' : ((part / whole) * 100).toFixed(digits));

/** Values printed on the page (or XML-read); the "inferable" bucket is scored apart, as everywhere in the bench. */
function visible(scores: readonly DocumentScore[]): FieldOutcome[] {
  return scores.flatMap((score) => score.fields).filter((outcome) => outcome.bucket === 'visible');
}

export function silentTally(scores: readonly DocumentScore[]): SilentTally {
  const accepted = visible(scores).filter((outcome) => outcome.autoAccepted);
  return { accepted: accepted.length, wrong: accepted.filter((outcome) => !outcome.correct).length };
}

/**
 * Values on touchless documents that a non-blocking warning names (an unsure customer name or order number): they
 * go through marked unsure, so they are not silent, but how often they are wrong is shown beside the silent rate.
 */
export function passedFlaggedTally(scores: readonly DocumentScore[]): SilentTally {
  const passed = visible(scores.filter((score) => score.touchless)).filter((outcome) => outcome.predicted !== null && outcome.flagged);
  return { accepted: passed.length, wrong: passed.filter((outcome) => !outcome.correct).length };
}

/** Documents that need no person (the extract step's `needsReview` is false), of all documents of the set. */
export function touchlessTally(scores: readonly DocumentScore[]): { touchless: number; documents: number } {
  return { touchless: scores.filter((score) => score.touchless).length, documents: scores.length };
}

/** "12/40 = 30.0%" touchless and "1/200 = 0.50%" silent, as the per-set lines print them. */
export function touchlessText(scores: readonly DocumentScore[]): string {
  const { touchless, documents } = touchlessTally(scores);
  return documents === 0 ? '0/0' : `${touchless}/${documents} = ${pct(touchless, documents)}%`;
}

export function silentText({ accepted, wrong }: SilentTally): string {
  return accepted === 0 ? '0/0' : `${wrong}/${accepted} = ${pct(wrong, accepted, 2)}%`;
}

/**
 * Per field and pooled: the share of values the system auto-accepts (a touchless document, the value not flagged)
 * and how many of those are wrong; beside it the looser per-field view (confidence ≥ the threshold and no issue
 * naming the field, whatever the document), which shows where confidence itself is miscalibrated.
 */
export function renderAutoAccept(scores: readonly DocumentScore[], threshold: number): string {
  const outcomes = visible(scores);
  const row = (name: string, selected: FieldOutcome[]): string[] => {
    const withTruth = selected.filter((outcome) => outcome.truth !== null).length;
    const accepted = selected.filter((outcome) => outcome.autoAccepted);
    const wrong = accepted.filter((outcome) => !outcome.correct).length;
    const confident = selected.filter((outcome) => outcome.predicted !== null && outcome.confidence >= threshold && !outcome.flagged);
    const confidentWrong = confident.filter((outcome) => !outcome.correct).length;
    const [, upper] = wilsonInterval(wrong, accepted.length);
    return [
      name,
      String(withTruth),
      `${pct(accepted.length, withTruth)}`,
      `${wrong}/${accepted.length}`,
      pct(wrong, accepted.length, 2),
      accepted.length > 0 ? (upper * 100).toFixed(2) : '–',
      pct(confident.length, withTruth),
      `${confidentWrong}/${confident.length}`,
      pct(confidentWrong, confident.length, 2),
    ];
  };
  const rows = COMMON_FIELDS.map((field) => row(field, outcomes.filter((outcome) => outcome.field === field))).filter((cells) => cells[1] !== '0' || cells[3] !== '0/0');
  rows.push(row('all fields', outcomes));
  const silent = silentTally(scores);
  const verdict = silent.accepted === 0 ? 'nothing auto-accepted' : `${silentText(silent)} → ${silent.wrong / silent.accepted <= AUTO_ACCEPT_SILENT_TARGET ? 'met' : 'NOT met'}`;
  return [
    `auto-accept (as the extract step decides: no blocking issue, no required field missing; flagged values excluded) vs per-field confidence ≥ ${threshold} without an issue naming it:`,
    table(['field', 'truth', 'auto %', 'auto wrong', 'silent %', 'silent 95% upper', `conf≥${threshold} %`, `conf≥${threshold} wrong`, 'conf silent %'], rows),
    `touchless documents (no person needed): ${touchlessText(scores)}; silent errors among auto-accepted values (all fields) ≤ ${AUTO_ACCEPT_SILENT_TARGET * 100}%: ${verdict}; flagged informational values passed marked unsure: ${silentText(passedFlaggedTally(scores))} wrong`,
  ].join('\n');
}
