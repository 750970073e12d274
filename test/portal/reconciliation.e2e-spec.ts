import type { Browser, Page } from 'playwright-core';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';
import { camt053 } from '../reconciliation/camt053-fixture';
import { launchChromium, pageProblems, screenshot, signedInPage } from './portal-browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensurePortalBuilt } = require('../../apps/portal/scripts/ensure-portal-built.js') as { ensurePortalBuilt(): boolean };

jest.setTimeout(240_000);

const PASSWORD = 'a long enough passphrase';
const ACCOUNT = 'DE89370400440532013000';

/**
 * May's statement. Müller and Schmidt paid invoices due in March, late, with no invoice number: the engine only
 * suggests (same amount, same name, late). The cash withdrawal and Weber's lump sum match nothing on their own:
 * a person links the first to the canteen's invoice and splits the second over two of Weber's invoices.
 */
const STATEMENT = camt053({ iban: ACCOUNT, statementId: 'STMT-2026-05', opening: '20000.00', from: '2026-05-01', to: '2026-05-31', entries: [
  { amount: '-1190.50', date: '2026-05-06', name: 'Müller Bürobedarf', reference: 'Bestellung Februar', bankReference: 'BK-1' },
  { amount: '-450.00', date: '2026-05-08', name: 'Schmidt Logistik', reference: 'Fracht Februar', bankReference: 'BK-2' },
  { amount: '-120.00', date: '2026-05-12', name: 'Barauszahlung Filiale 12', reference: 'Auszahlung', bankReference: 'BK-3' },
  { amount: '-700.00', date: '2026-05-15', name: 'Weber Consulting', reference: 'Sammelzahlung', bankReference: 'BK-4' },
] });

const OPEN_ITEMS = [
  { id: 'AP-M1', vendorName: 'Müller Bürobedarf GmbH', vendorIban: 'DE02120300000000202051', invoiceNumber: 'RE-2026-0101', currency: 'EUR', amount: '1190.50', issueDate: '2026-02-10', dueDate: '2026-03-10' },
  { id: 'AP-S1', vendorName: 'Schmidt Logistik GmbH', vendorIban: 'DE44500105175407324931', invoiceNumber: 'SL-88', currency: 'EUR', amount: '450.00', issueDate: '2026-02-12', dueDate: '2026-03-12' },
  { id: 'AP-K1', vendorName: 'Kantine Sonnenschein', invoiceNumber: 'KS-7', currency: 'EUR', amount: '120.00', issueDate: '2026-02-25', dueDate: '2026-03-05' },
  { id: 'AP-W1', vendorName: 'Weber Consulting AG', invoiceNumber: 'W-101', currency: 'EUR', amount: '250.00', issueDate: '2026-04-01', dueDate: '2026-05-01' },
  { id: 'AP-W2', vendorName: 'Weber Consulting AG', invoiceNumber: 'W-102', currency: 'EUR', amount: '600.00', issueDate: '2026-04-02', dueDate: '2026-05-02' },
];

interface Line { id: string; counterpartyName: string; state: string; matches?: { decision: string; source: string; allocations: { openItemId: string; amount: string }[] }[] }
interface Item { id: string; externalId: string; status: string; amountOpen: string }

/**
 * The reconciliation screen in real headless Chromium against the real stack: an accountant imports a camt.053
 * statement with open items present, reads the suggested matches and their reasons, accepts one, rejects one,
 * links a line by hand and splits another over two invoices; after each action the API says the same.
 */
describe('the reconciliation screen in a browser', () => {
  let api: ApiTestApp;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const people = signedInUsers(() => api);

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: people.as('clerk') });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: T }).items;
  };
  const lineOf = async (name: string) => (await get<Line[]>('/api/bank-transactions?limit=100')).find((line) => line.counterpartyName === name)!;
  const itemsById = async () => new Map((await get<Item[]>('/api/open-items?limit=100')).map((item) => [item.externalId, item]));

  beforeAll(async () => {
    expect(ensurePortalBuilt()).toBe(true);
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' }, ['api']);
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    await people.add('clerk', ['accountant']);
    const created = await api.platform.reconciliation.createOpenItems(OPEN_ITEMS, 'test');
    expect(created.created).toHaveLength(OPEN_ITEMS.length);
    browser = await launchChromium();
    page = await signedInPage(browser, baseUrl, 'clerk@example.com', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('imports a statement and shows the suggested matches with their reasons', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reconciliation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reconciliation' }).waitFor();
    // A file that is no statement is refused with the parser's reason, and nothing is stored.
    await page.getByLabel(/Bank statement/).setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('hello;world\n1;2\n') });
    await page.getByRole('button', { name: 'Import and reconcile' }).click();
    await page.getByRole('form', { name: 'Import a bank statement' }).getByRole('alert').filter({ hasText: 'STATEMENT_INVALID' }).waitFor();
    expect(await get<Line[]>('/api/bank-transactions?limit=100')).toEqual([]);

    await page.getByLabel(/Bank statement/).setInputFiles({ name: 'camt053-2026-05.xml', mimeType: 'application/xml', buffer: STATEMENT });
    await page.getByRole('button', { name: 'Import and reconcile' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'camt.053' });
    await outcome.waitFor().catch(async (error: unknown) => {
      await screenshot(page, 'failed-reconciliation-import');
      throw new Error(`${String(error)}\n${pageProblems(page).join('\n')}`);
    });
    expect(await outcome.textContent()).toMatch(/4 new line\(s\), 0 already known.*0 matched automatically, 2 suggested, 2 unmatched/);

    const suggestions = page.getByTestId('suggestion');
    await suggestions.nth(1).waitFor();
    expect(await suggestions.count()).toBe(2);
    const muller = suggestions.filter({ hasText: 'Müller Bürobedarf' });
    const reasons = await muller.getByRole('list', { name: 'Reasons' }).getByRole('listitem').allTextContents();
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('amount equals the open 1190.50 EUR'), expect.stringMatching(/counterparty name resembles/), expect.stringMatching(/paid late/)]));
    expect(await muller.textContent()).toContain('RE-2026-0101');
    // The lines nothing was suggested for wait below, for a person.
    expect(await page.getByTestId('bank-line').count()).toBe(2);
    await screenshot(page, 'r1-reconciliation-suggestions');

    expect((await lineOf('Müller Bürobedarf')).state).toBe('suggested');
    expect((await lineOf('Barauszahlung Filiale 12')).state).toBe('unmatched');
  });

  it('accepts one suggestion: the invoice is paid', async () => {
    await page.getByTestId('suggestion').filter({ hasText: 'Müller Bürobedarf' }).getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('suggestion').filter({ hasText: 'Müller Bürobedarf' }).waitFor({ state: 'detached' });
    const line = await lineOf('Müller Bürobedarf');
    expect(line.state).toBe('matched');
    expect(line.matches?.map((match) => match.decision)).toContain('confirmed');
    expect((await itemsById()).get('AP-M1')).toMatchObject({ status: 'paid', amountOpen: '0.00' });
  });

  it('rejects the other: the line waits unmatched and the invoice stays open', async () => {
    await page.getByTestId('suggestion').filter({ hasText: 'Schmidt Logistik' }).getByRole('button', { name: 'Reject' }).click();
    await page.getByText('No suggestion waits for a decision.').waitFor();
    await page.getByTestId('bank-line').filter({ hasText: 'Schmidt Logistik' }).waitFor();
    const line = await lineOf('Schmidt Logistik');
    expect(line.state).toBe('unmatched');
    expect(line.matches?.map((match) => match.decision)).toEqual(['rejected']);
    expect((await itemsById()).get('AP-S1')).toMatchObject({ status: 'open', amountOpen: '450.00' });
  });

  it('links a line to an invoice by hand', async () => {
    const row = page.getByTestId('bank-line').filter({ hasText: 'Barauszahlung Filiale 12' });
    await row.getByRole('button', { name: 'Link by hand' }).click();
    const form = page.getByRole('form', { name: /Link bank line/ });
    await form.getByLabel('Amount for KS-7').fill('120.00');
    await form.getByRole('button', { name: /^Link/ }).click();
    await row.waitFor({ state: 'detached' });
    const line = await lineOf('Barauszahlung Filiale 12');
    expect(line.state).toBe('matched');
    const manual = line.matches?.find((match) => match.source === 'manual');
    expect(manual).toMatchObject({ decision: 'confirmed', allocations: [{ amount: '120.00' }] });
    expect((await itemsById()).get('AP-K1')).toMatchObject({ status: 'paid', amountOpen: '0.00' });
  });

  it('splits a lump sum over two invoices, one paid in full and one in part', async () => {
    const row = page.getByTestId('bank-line').filter({ hasText: 'Weber Consulting' });
    await row.getByRole('button', { name: 'Link by hand' }).click();
    const form = page.getByRole('form', { name: /Link bank line/ });
    await form.getByLabel('Amount for W-101').fill('250.00');
    await form.getByLabel('Amount for W-102').fill('450.00');
    await screenshot(page, 'r2-reconciliation-split');
    await form.getByRole('button', { name: 'Link (split over 2 items)' }).click();
    await row.waitFor({ state: 'detached' });
    const line = await lineOf('Weber Consulting');
    expect(line.state).toBe('matched');
    const items = await itemsById();
    const manual = line.matches?.find((match) => match.source === 'manual');
    expect(manual?.allocations).toEqual(expect.arrayContaining([
      expect.objectContaining({ openItemId: items.get('AP-W1')!.id, amount: '250.00' }),
      expect.objectContaining({ openItemId: items.get('AP-W2')!.id, amount: '450.00' }),
    ]));
    expect(items.get('AP-W1')).toMatchObject({ status: 'paid', amountOpen: '0.00' });
    expect(items.get('AP-W2')).toMatchObject({ status: 'open', amountOpen: '150.00' });
    // Only the rejected line is left for a person.
    expect(await page.getByTestId('bank-line').allTextContents()).toEqual([expect.stringContaining('Schmidt Logistik')]);
    await screenshot(page, 'r3-reconciliation-done');
    expect(pageProblems(page)).toEqual([]);
  });
});
