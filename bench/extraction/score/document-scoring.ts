import Decimal from 'decimal.js';
import { electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import type { ExtractionResult } from '@conveyor/documents';
import { autoAcceptedFields, needsReview } from '@conveyor/invoice-extraction';
import { alignLines, type LineAlignment } from './line-alignment';
import { amountsMatch, compactIdentifier, isSignError, judgeName, normalizeCurrency, normalizeDocumentNumber, parseDate } from './normalizers';
import { COMMON_FIELDS, CORE_FIELDS, FIELD_KIND, RESULT_FIELD, type CommonField, type TruthDocument } from './truth-document';

export interface FieldOutcome {
  field: CommonField;
  /** visible: on the page (or XML-read); inferable: not printed in a common form (scored apart). */
  bucket: 'visible' | 'inferable';
  truth: string | null;
  predicted: string | null;
  confidence: number;
  exact: boolean;
  correct: boolean;
  near: boolean;
  signError: boolean;
  /** An issue of severity warning or error names this field: it goes to review, never auto-accepted. */
  flagged: boolean;
  /** The system takes this value without a person: the document passes the extract step's `needsReview` and no issue flags the value (`autoAcceptedFields`). */
  autoAccepted: boolean;
  /** A date printed day/month-ambiguously with no evidence on the page. */
  ambiguous: boolean;
}

export interface DocumentScore {
  truth: TruthDocument;
  /** How the extractor read it: xml, text or ocr; or unextracted with the error code. */
  path: 'xml' | 'text' | 'ocr' | 'unextracted';
  error: string | null;
  fields: FieldOutcome[];
  lines: LineAlignment | null;
  allCoreCorrect: boolean;
  flags: { reason: string; raised: boolean }[];
  hasErrorIssue: boolean;
  /** No person needed: read, and the extract step's `needsReview` is false (unextracted documents go to manual entry). */
  touchless: boolean;
  pages: number;
  milliseconds: number;
}

function exactMatch(kind: (typeof FIELD_KIND)[CommonField], predicted: string, truth: string): boolean {
  if (kind === 'amount') {
    const isNumber = (value: string): boolean => /^-?\d+(\.\d+)?$/.test(value.trim());
    return isNumber(predicted) && isNumber(truth) && new Decimal(predicted.trim()).equals(new Decimal(truth.trim()));
  }
  return predicted.trim() === truth.trim();
}

function normalizedMatch(field: CommonField, predicted: string, truth: string, document: TruthDocument): boolean {
  switch (FIELD_KIND[field]) {
    case 'amount':
      return amountsMatch(predicted, truth);
    case 'date': {
      // Only exact ISO equality counts; a non-ISO prediction is parsed in the document's locale first.
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(predicted.trim()) ? predicted.trim() : parseDate(predicted, document.dateOrder)?.iso;
      return iso !== undefined && iso === truth;
    }
    case 'currency':
      return normalizeCurrency(predicted) === normalizeCurrency(truth);
    case 'number':
      return normalizeDocumentNumber(predicted) === normalizeDocumentNumber(truth);
    case 'compact':
      return compactIdentifier(predicted) === compactIdentifier(truth);
    case 'name':
      return judgeName(predicted, truth) === 'correct';
  }
}

const KIND_PATH: Record<ExtractionResult['kind'], DocumentScore['path']> = { einvoice: 'xml', xml: 'xml', 'pdf-text': 'text', 'pdf-scanned': 'ocr', image: 'ocr' };

/** Scores one document's extraction against its truth, following the corpus README's conventions. */
export function scoreDocument(truth: TruthDocument, result: ExtractionResult | null, error: string | null, milliseconds: number): DocumentScore {
  if (!result) {
    // Nothing read: every truth is a recall miss, as if the extractor had abstained on each field.
    const fields: FieldOutcome[] = COMMON_FIELDS.filter((field) => !truth.excluded.has(field) && (truth.printed[field] ?? truth.expected[field]) !== undefined).map((field) => ({
      field,
      bucket: truth.invisible.has(field) ? 'inferable' : 'visible',
      truth: truth.printed[field] ?? truth.expected[field] ?? null,
      predicted: null,
      confidence: 0,
      exact: false,
      correct: false,
      near: false,
      signError: false,
      flagged: false,
      autoAccepted: false,
      ambiguous: truth.ambiguousDates.includes(field),
    }));
    const lines = truth.lines && truth.lines.length > 0 ? alignLines([], truth.lines) : null;
    return { truth, path: 'unextracted', error, fields, lines, allCoreCorrect: false, flags: truth.expectedFlags.map((flag) => ({ reason: flag.reason, raised: false })), hasErrorIssue: false, touchless: false, pages: 0, milliseconds };
  }
  const path = KIND_PATH[result.kind];
  // Read from XML: score against the XML. Read from the page: score what the page prints (overrides), and put
  // values it does not print in a common form into the separate "inferable" bucket.
  const visibleContent = path !== 'xml';
  const flaggedFields = new Set(result.issues.filter((issue) => issue.severity !== 'info').flatMap((issue) => issue.fields));
  const autoAccepted = autoAcceptedFields(result);
  const fields: FieldOutcome[] = [];
  for (const field of COMMON_FIELDS) {
    if (truth.excluded.has(field)) continue;
    const truthValue = (visibleContent ? truth.printed[field] : undefined) ?? truth.expected[field] ?? null;
    const extracted = result.fields[RESULT_FIELD[field]];
    const predicted = extracted?.value ?? null;
    if (truthValue === null && !(truth.complete && predicted !== null)) continue;
    const outcome: FieldOutcome = {
      field,
      bucket: visibleContent && truth.invisible.has(field) ? 'inferable' : 'visible',
      truth: truthValue,
      predicted,
      confidence: extracted?.confidence ?? 0,
      exact: false,
      correct: false,
      near: false,
      signError: false,
      flagged: flaggedFields.has(RESULT_FIELD[field]),
      autoAccepted: predicted !== null && autoAccepted.has(RESULT_FIELD[field]),
      ambiguous: truth.ambiguousDates.includes(field),
    };
    if (predicted !== null && truthValue !== null) {
      outcome.exact = truth.raw[field] !== undefined ? predicted === truth.raw[field] : exactMatch(FIELD_KIND[field], predicted, truthValue);
      outcome.correct = normalizedMatch(field, predicted, truthValue, truth);
      outcome.near = !outcome.correct && FIELD_KIND[field] === 'name' && judgeName(predicted, truthValue) === 'near';
      outcome.signError = FIELD_KIND[field] === 'amount' && isSignError(predicted, truthValue);
    }
    fields.push(outcome);
  }
  const core = CORE_FIELDS.filter((field) => !(truth.receipt && field === 'invoice_number'));
  const allCoreCorrect = core.every((field) => {
    // Fields the page does not print in a common form are scored apart (inferable), not held against the page.
    const outcome = fields.find((candidate) => candidate.field === field && candidate.truth !== null && candidate.bucket === 'visible');
    return outcome === undefined || outcome.correct;
  });
  const lines = truth.lines && truth.lines.length > 0 ? alignLines(result.lineItems.map((line) => ({ name: line.description, quantity: line.quantity, amount: line.amount })), truth.lines) : null;
  const flags = truth.expectedFlags.map((flag) => ({ reason: flag.reason, raised: flag.fields.some((field) => flaggedFields.has(field)) }));
  return { truth, path, error: null, fields, lines, allCoreCorrect, flags, hasErrorIssue: result.issues.some((issue) => issue.severity === 'error'), touchless: !needsReview(result), pages: Math.max(1, result.pages), milliseconds };
}

/** ISO 13616 mod-97 on a predicted IBAN (spaces allowed). */
export function ibanPassesMod97(value: string): boolean {
  const electronic = electronicFormatIBAN(value);
  if (!electronic) return false;
  const { errorCodes } = validateIBAN(electronic);
  return ![ValidationErrorsIBAN.NoIBANProvided, ValidationErrorsIBAN.ChecksumNotNumber, ValidationErrorsIBAN.WrongIBANChecksum].some((code) => errorCodes.includes(code));
}
