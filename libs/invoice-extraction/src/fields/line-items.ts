import Decimal from 'decimal.js';
import type { LineItem } from '@conveyor/documents';
import { labelKey } from '../layout/fold-text';
import { tokensText, unionBox, type DocumentText, type TextLine, type Token } from '../layout/text-lines';
import { COLUMN_LABELS, COLUMN_TYPES, INCLUDES_TAX, type ColumnType } from '../lexicon/column-labels';
import type { LabelHit } from '../lexicon/label-finder';
import { formatMoney, formatPlain, readAmounts, type DecimalSeparator } from '../values/amount-reading';
import { ocrFactor } from './field-candidates';

interface Column {
  readonly type: ColumnType;
  readonly x0: number;
  readonly x1: number;
  readonly words: readonly Token[];
}

export interface ItemTable {
  readonly headerLine: number;
  readonly items: LineItem[];
  /** The amount column's header says it includes tax ("Prijs incl. BTW", "Montant TTC"). */
  readonly amountsIncludeTax: boolean;
}

const columnIndex = new Map<string, ColumnType>(COLUMN_TYPES.flatMap((type) => COLUMN_LABELS[type].map((label) => [labelKey(label), type] as const)));
const TOTAL_TARGETS = new Set(['totalNet', 'totalGross', 'totalTax', 'amountDue']);

/**
 * Item tables: a header row is a line naming a description column and a quantity, price or amount column (or
 * three kinds of column) in any of the seven languages; columns are the x ranges of those headers; rows are
 * the lines under it with an amount or price, until the totals block (a totals label with an amount) or a wide
 * vertical gap. Lines without an amount (serial numbers, notes) are not items.
 */
export function extractItemTables(text: DocumentText, hits: readonly LabelHit[], separator: DecimalSeparator): ItemTable[] {
  const tables: ItemTable[] = [];
  const totalsLines = new Set(hits.filter((hit) => TOTAL_TARGETS.has(hit.target)).map((hit) => hit.line));
  for (const line of text.lines) {
    const columns = headerColumns(line);
    if (!columns) continue;
    const pageLines = text.byPage.get(line.page) ?? [];
    const items: LineItem[] = [];
    let previousBottom = line.bbox.y + line.bbox.height;
    for (const row of pageLines.filter((candidate) => candidate.index > line.index)) {
      if (row.bbox.y - previousBottom > 0.06) break;
      previousBottom = row.bbox.y + row.bbox.height;
      const amounts = readAmounts(row.tokens, separator).filter((amount) => !amount.percent);
      if (totalsLines.has(row.index) && amounts.length > 0) break;
      if (headerColumns(row)) break;
      const item = readRow(row, columns, separator);
      if (!item) continue;
      items.push(item);
    }
    if (items.length === 0) continue;
    const amountHeader = columns.find((column) => column.type === 'amount');
    const amountsIncludeTax = Boolean(amountHeader?.words.some((word) => INCLUDES_TAX.includes(word.key)));
    tables.push({ headerLine: line.index, items, amountsIncludeTax });
  }
  return tables;
}

function headerColumns(line: TextLine): Column[] | undefined {
  const columns: Column[] = [];
  const keys = line.tokens.map((token) => token.key);
  let start = 0;
  let unknown = 0;
  while (start < keys.length) {
    let matched = false;
    for (let end = Math.min(keys.length, start + 5); end > start; end -= 1) {
      const type = columnIndex.get(keys.slice(start, end).join(''));
      if (!type) continue;
      const words = line.tokens.slice(start, end);
      columns.push({ type, x0: words[0].bbox.x, x1: Math.max(...words.map((word) => word.bbox.x + word.bbox.width)), words });
      start = end;
      matched = true;
      break;
    }
    if (!matched) {
      if (keys[start] !== '' && !/^[#%.:|]*$/.test(line.tokens[start].text)) unknown += 1;
      start += 1;
    }
  }
  if (unknown > Math.max(1, columns.length / 2)) return undefined;
  const types = new Set(columns.map((column) => column.type));
  const numeric = types.has('quantity') || types.has('unitPrice') || types.has('amount');
  if (!(types.has('description') && numeric) && !(types.size >= 3 && (types.has('quantity') || types.has('unitPrice')))) return undefined;
  return columns.sort((a, b) => a.x0 - b.x0);
}

function readRow(row: TextLine, columns: readonly Column[], separator: DecimalSeparator): LineItem | undefined {
  const valueColumns = columns.filter((column) => column.type !== 'description');
  const boundary = Math.min(...valueColumns.map((column) => column.x0)) - 0.015;
  const cells = new Map<ColumnType, Token[]>();
  for (const token of row.tokens) {
    const centre = token.bbox.x + token.bbox.width / 2;
    const type = centre < boundary ? 'description' : nearestColumn(valueColumns, token).type;
    cells.set(type, [...(cells.get(type) ?? []), token]);
  }
  const money = (type: ColumnType) => readAmounts(cells.get(type) ?? [], separator).find((amount) => !amount.percent)?.value;
  const amount = money('amount');
  const unitPrice = money('unitPrice');
  const quantity = readAmounts(cells.get('quantity') ?? [], separator)[0]?.value;
  const rateText = (cells.get('taxRate') ?? []).map((token) => token.text).join('').replace('%', '');
  const taxRate = /^\d{1,2}(?:[.,]\d{1,2})?$/.test(rateText) ? new Decimal(rateText.replace(',', '.')) : undefined;
  const description = tokensText(cells.get('description') ?? []).trim();
  if (!amount && !unitPrice) return undefined;
  if (description === '' && !quantity) return undefined;
  const arithmetic = amount && unitPrice && quantity ? unitPrice.times(quantity).toDecimalPlaces(2).equals(amount.abs()) : undefined;
  const confidence = (arithmetic === true ? 0.9 : arithmetic === false ? 0.6 : amount ? 0.75 : 0.6) * ocrFactor(row.tokens);
  return {
    description: description === '' ? null : description,
    quantity: quantity ? formatPlain(quantity) : null,
    unitCode: null,
    unitPrice: unitPrice ? formatMoney(unitPrice) : null,
    amount: amount ? formatMoney(amount) : null,
    taxRate: taxRate ? formatPlain(taxRate) : null,
    confidence: Math.round(confidence * 1000) / 1000,
    source: row.source === 'ocr' ? 'ocr' : 'text',
    page: row.page,
    bbox: unionBox(row.tokens.map((token) => token.bbox)),
  };
}

function nearestColumn(columns: readonly Column[], token: Token): Column {
  const left = token.bbox.x;
  const right = token.bbox.x + token.bbox.width;
  const distance = (column: Column) => (right < column.x0 ? column.x0 - right : left > column.x1 ? left - column.x1 : 0);
  return [...columns].sort((a, b) => distance(a) - distance(b) || Math.abs(a.x1 - right) - Math.abs(b.x1 - right))[0];
}
