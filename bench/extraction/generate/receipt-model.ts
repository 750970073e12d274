import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { SeededRandom } from './random';

/**
 * Till receipts as Malaysian shops print them (the SROIE kind): shop and company number, GST id, address, a
 * date with a time and often no label, items, then a block of totals in which only one line is the amount paid
 * (subtotal, GST, rounding to 5 sen, the rounded total under one of several labels, cash tendered, change).
 * Every printed value is decided here, so the truth is exactly what the roll shows.
 */
export const RECEIPT_STYLES = ['supermarket', 'restaurant', 'hardware', 'petrol'] as const;
export type ReceiptStyle = (typeof RECEIPT_STYLES)[number];

export type ReceiptDateStyle = 'dd/mm/yyyy' | 'dd-mm-yy' | 'dd/mm/yy' | 'dd MMM yyyy' | 'd/m/yyyy' | 'dd-MMM-yyyy';

export interface ReceiptLine {
  name: string;
  quantity: number;
  unitPrice: Decimal;
  amount: Decimal;
}

export interface ReceiptDocument {
  id: string;
  style: ReceiptStyle;
  shop: string;
  company: string;
  companyNumber: string;
  gstId: string | null;
  addressLines: string[];
  issueDate: string;
  time: string;
  dateStyle: ReceiptDateStyle;
  /** "Date:" before the date, or the date alone on a line with the time and a till number. */
  dateLabel: string | null;
  documentNumber: string;
  lines: ReceiptLine[];
  subtotal: Decimal;
  gst: Decimal | null;
  rounding: Decimal;
  total: Decimal;
  totalLabel: string;
  /** "RM" before every amount of the totals block, or none. */
  currencyMark: 'RM' | '';
  tendered: Decimal | null;
  change: Decimal | null;
  paidBy: 'CASH' | 'VISA' | 'MASTER';
  font: 'Courier' | 'Helvetica';
}

const SHOP_WORDS = ['MAJU', 'JAYA', 'SENTOSA', 'MURNI', 'SETIA', 'BESTARI', 'GEMILANG', 'HARMONI', 'CAHAYA', 'MEGAH', 'SINAR', 'UTAMA'];
const SHOP_KINDS: Record<ReceiptStyle, string[]> = {
  supermarket: ['MINI MARKET', 'SUPERMARKET', 'TRADING', 'RETAIL'],
  restaurant: ['RESTORAN', 'CAFE', 'BAKERY', 'KOPITIAM'],
  hardware: ['HARDWARE', 'ENTERPRISE', 'BOOKSTORE', 'STATIONERY'],
  petrol: ['PETROL STATION', 'SERVICE STATION'],
};
const ITEMS: Record<ReceiptStyle, [string, number, number][]> = {
  supermarket: [['MILO 1KG', 1490, 2290], ['GARDENIA BREAD', 290, 450], ['MINERAL WATER 1.5L', 150, 260], ['EGG GRADE A 10S', 420, 690], ['SUGAR 1KG', 250, 320], ['COOKING OIL 2KG', 1050, 1490], ['TISSUE 5 ROLL', 590, 990]],
  restaurant: [['NASI LEMAK', 450, 950], ['TEH TARIK', 180, 350], ['ROTI CANAI', 120, 250], ['MEE GORENG', 550, 1050], ['KOPI O', 150, 280], ['CHICKEN RICE', 650, 1150]],
  hardware: [['CLOTH PEG 20PCS', 290, 590], ['PVC TAPE', 120, 390], ['A4 PAPER 500S', 990, 1690], ['SCREWDRIVER SET', 1290, 3590], ['EXTENSION CORD', 1990, 4990], ['PAINT BRUSH 2IN', 350, 890]],
  petrol: [['RON95', 2000, 8000], ['RON97', 3000, 10000], ['DIESEL', 3000, 12000]],
};
const CITIES = ['43300 SERI KEMBANGAN, SELANGOR', '47500 SUBANG JAYA, SELANGOR', '81100 JOHOR BAHRU, JOHOR', '53200 KUALA LUMPUR', '40300 SHAH ALAM, SELANGOR', '10400 GEORGETOWN, PULAU PINANG'];
const TOTAL_LABELS = ['TOTAL', 'GRAND TOTAL', 'Total Sales (Inclusive of GST)', 'TOTAL AMOUNT', 'Rounded Total (RM)', 'NETT TOTAL', 'Total Incl. GST', 'TOTAL PAYABLE'];
const DATE_STYLES: ReceiptDateStyle[] = ['dd/mm/yyyy', 'dd/mm/yyyy', 'dd/mm/yyyy', 'dd-mm-yy', 'dd/mm/yy', 'dd MMM yyyy', 'd/m/yyyy', 'dd-MMM-yyyy'];

const money = (cents: number): Decimal => new Decimal(cents).div(100);

/** Rounds to the nearest 5 sen, as Malaysian tills do for cash. */
const toFiveSen = (value: Decimal): Decimal => value.times(20).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).div(20);

export function drawReceipt(id: string, random: SeededRandom): ReceiptDocument {
  const style = random.pick(RECEIPT_STYLES);
  const shop = `${random.pick(SHOP_WORDS)} ${random.pick(SHOP_WORDS)} ${random.pick(SHOP_KINDS[style])}`;
  const company = random.chance(0.7) ? `${shop.split(' ').slice(0, 2).join(' ')} ${random.pick(['SDN BHD', 'SDN. BHD.', 'ENTERPRISE', 'TRADING'])}` : shop;
  const lines: ReceiptLine[] = [];
  const count = style === 'petrol' ? 1 : random.int(1, 7);
  for (let index = 0; index < count; index += 1) {
    const [name, low, high] = random.pick(ITEMS[style]);
    const quantity = style === 'petrol' ? 1 : random.pick([1, 1, 1, 2, 3, 4]);
    const unitPrice = money(style === 'petrol' ? Math.round(random.int(low, high) / 100) * 100 : random.int(low, high));
    lines.push({ name, quantity, unitPrice, amount: unitPrice.times(quantity) });
  }
  const withGst = style !== 'petrol' && random.chance(0.7);
  const subtotal = lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
  // GST-inclusive prices: the tax is printed as a part of the subtotal (6/106).
  const gst = withGst ? subtotal.times(6).div(106).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : null;
  const rounded = toFiveSen(subtotal);
  const rounding = rounded.minus(subtotal);
  const paidBy = random.chance(0.8) ? 'CASH' : random.pick(['VISA', 'MASTER'] as const);
  let tendered: Decimal | null = null;
  let change: Decimal | null = null;
  if (paidBy === 'CASH') {
    const notes = [rounded, rounded.div(10).ceil().times(10), rounded.div(50).ceil().times(50), rounded.div(100).ceil().times(100)];
    tendered = random.pick(notes);
    change = tendered.minus(rounded);
  }
  const day = random.int(1, 28);
  const issue = DateTime.fromObject({ year: random.int(2016, 2019), month: random.int(1, 12), day }, { zone: 'UTC' });
  return {
    id,
    style,
    shop,
    company,
    companyNumber: `${random.int(10000, 1299999)}-${random.letters(1)}`,
    gstId: withGst || random.chance(0.3) ? `000${random.digits(9)}` : null,
    addressLines: [`NO ${random.int(1, 250)}, JALAN ${random.pick(SHOP_WORDS)} ${random.int(1, 30)}`, random.pick(CITIES)],
    issueDate: issue.toISODate() ?? '',
    time: `${String(random.int(7, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}${random.chance(0.5) ? `:${String(random.int(0, 59)).padStart(2, '0')}` : ''}`,
    dateStyle: random.pick(DATE_STYLES),
    dateLabel: random.chance(0.6) ? random.pick(['Date:', 'DATE :', 'Date']) : null,
    documentNumber: `${random.pick(['CS', 'INV', 'R', 'TD'])}${random.digits(random.int(6, 9))}`,
    lines,
    subtotal,
    gst,
    rounding,
    total: rounded,
    totalLabel: random.pick(TOTAL_LABELS),
    currencyMark: random.chance(0.4) ? 'RM' : '',
    tendered,
    change,
    paidBy,
    font: random.chance(0.75) ? 'Courier' : 'Helvetica',
  };
}

const MONTH_ABBREVIATIONS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function printedReceiptDate(receipt: ReceiptDocument): string {
  const [year, month, day] = receipt.issueDate.split('-');
  const two = (text: string) => text.padStart(2, '0');
  switch (receipt.dateStyle) {
    case 'dd/mm/yyyy':
      return `${two(day)}/${two(month)}/${year}`;
    case 'dd-mm-yy':
      return `${two(day)}-${two(month)}-${year.slice(2)}`;
    case 'dd/mm/yy':
      return `${two(day)}/${two(month)}/${year.slice(2)}`;
    case 'dd MMM yyyy':
      return `${two(day)} ${MONTH_ABBREVIATIONS[Number(month) - 1]} ${year}`;
    case 'd/m/yyyy':
      return `${Number(day)}/${Number(month)}/${year}`;
    case 'dd-MMM-yyyy':
      return `${two(day)}-${MONTH_ABBREVIATIONS[Number(month) - 1]}-${year}`;
  }
}

/** A numeric date with day and month both 12 or less (and different): nothing on a one-date receipt decides it. */
export function receiptDateIsAmbiguous(receipt: ReceiptDocument): boolean {
  if (receipt.dateStyle === 'dd MMM yyyy' || receipt.dateStyle === 'dd-MMM-yyyy') return false;
  const [, month, day] = receipt.issueDate.split('-').map(Number);
  return day <= 12 && month <= 12 && day !== month;
}
