import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared e-invoice corpus (../shared/corpus next to the repository, always present in CI): the documents
 * each subset's SHA256SUMS lists, checked against it, with their expected.json ground truth.
 */
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const CORPUS_ROOT = resolve(REPOSITORY_ROOT, '../shared/corpus');
export const EINVOICE_SUBSETS = ['ferd-zugferd10', 'ferd-zugferd233', 'fnfe-facturx', 'mustang'] as const;
export type EInvoiceSubset = (typeof EINVOICE_SUBSETS)[number];

/** The expected.json projection (numbers as JSON numbers, as the corpus writes them). */
export interface EInvoiceExpectation {
  invoice_number?: string | null;
  issue_date?: string | null;
  due_date?: string | null;
  currency?: string | null;
  seller_name?: string | null;
  buyer_name?: string | null;
  seller_vat_id?: string | null;
  iban?: string | null;
  purchase_order_number?: string | null;
  total_net?: number | null;
  total_tax?: number | null;
  total_gross?: number | null;
  amount_due?: number | null;
  line_items?: { name: string | null; quantity: number | null; unit_code: string | null; net_unit_price: number | null; line_net_amount: number | null }[];
  _scoring_exclusions?: string[];
  [annotation: `_${string}`]: unknown;
}

export interface CorpusEInvoice {
  readonly subset: EInvoiceSubset;
  readonly name: string;
  readonly pdfPath: string;
  readonly expected: EInvoiceExpectation;
}

/** Every listed e-invoice PDF; throws a clear error when the corpus is missing or a file does not match its checksum. */
export function loadEInvoiceCorpus(): CorpusEInvoice[] {
  const base = join(CORPUS_ROOT, 'invoices', 'einvoice');
  if (!existsSync(base)) {
    throw new Error(`the shared corpus is missing: expected ${base} (../shared/corpus relative to the repository root ${REPOSITORY_ROOT})`);
  }
  return EINVOICE_SUBSETS.flatMap((subset) => {
    const folder = join(base, subset);
    const sums = new Map(
      readFileSync(join(folder, 'SHA256SUMS'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const [sum, ...path] = line.trim().split(/\s+/);
          return [path.join(' ').replace(/^\*/, ''), sum] as const;
        }),
    );
    const verified = (relative: string): Buffer => {
      const bytes = readFileSync(join(folder, relative));
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (sums.get(relative) !== actual) throw new Error(`${subset}/${relative} does not match its SHA256SUMS entry`);
      return bytes;
    };
    return [...sums.keys()]
      .filter((relative) => relative.startsWith('files/') && relative.endsWith('.pdf'))
      .sort()
      .map((relative) => {
        verified(relative);
        const stem = relative.slice(0, -'.pdf'.length);
        const expected = JSON.parse(verified(`${stem}.expected.json`).toString('utf8')) as EInvoiceExpectation;
        return { subset, name: stem.slice('files/'.length), pdfPath: join(folder, relative), expected };
      });
  });
}
