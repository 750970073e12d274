import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';
import { launchChromium, pageProblems, screenshot, signedInPage } from './portal-browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensurePortalBuilt } = require('../../apps/portal/scripts/ensure-portal-built.js') as { ensurePortalBuilt(): boolean };

jest.setTimeout(240_000);

const corpus = resolve(__dirname, '../../../shared/corpus/invoices/einvoice');
const CLEAN = join(corpus, 'ferd-zugferd233/files/EN16931_Einfach.pdf');
/** Its printed total differs from its XML: the intake workflow sends it to an accountant. */
const MISMATCHED = join(corpus, 'mustang/files/MustangBeispiel20221026.pdf');
const PASSWORD = 'a long enough passphrase';

/**
 * The portal in real headless Chromium against the real stack (API, scheduler, worker, database, Redis):
 * an uploader uploads and watches extraction live; an accountant corrects a field and approves; an admin
 * edits a workflow, meets an inline error, fixes it and publishes.
 */
describe('the portal in a browser', () => {
  let api: ApiTestApp;
  let browser: Browser;
  let baseUrl: string;
  const people = signedInUsers(() => api);

  beforeAll(async () => {
    if (!existsSync(corpus)) throw new Error(`the shared corpus is missing: expected ${corpus}`);
    expect(ensurePortalBuilt()).toBe(true);
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    await people.add('uploader', ['uploader']);
    await people.add('clerk', ['accountant']);
    await people.add('boss', ['admin']);
    const published = await api.platform.workflows.publish(readFileSync(resolve(__dirname, '../../workflows/invoice-intake.yaml'), 'utf8'), { id: 'test' });
    expect(published.ok ? [] : published.problems).toEqual([]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the portal for page paths and keeps /api for the API', async () => {
    const page = await (await browser.newContext({ baseURL: baseUrl })).newPage();
    const response = await page.goto('/inbox');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const notFound = await page.request.get(`${baseUrl}/api/nope`);
    expect(notFound.status()).toBe(404);
    await page.context().close();
  });

  it('lets an uploader drop invoices and watch them being read, live', async () => {
    const page = await signedInPage(browser, baseUrl, 'uploader@example.com', PASSWORD, { width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Upload documents' }).waitFor();
    await page.getByTestId('file-input').setInputFiles([CLEAN, MISMATCHED]);
    const clean = page.getByTestId('upload-item').filter({ hasText: 'EN16931_Einfach.pdf' });
    const mismatched = page.getByTestId('upload-item').filter({ hasText: 'MustangBeispiel20221026.pdf' });
    await clean.getByTestId('extracted').filter({ hasText: 'no issues' }).waitFor({ timeout: 90_000 });
    await mismatched.getByTestId('extracted').filter({ hasText: 'sent for review' }).waitFor({ timeout: 90_000 });
    expect(await mismatched.getByTestId('extracted').textContent()).toContain('XML_TOTAL_MISMATCH');
    await clean.getByText('succeeded').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('progress').evaluateAll((bars) => bars.map((bar) => (bar as unknown as { value: number }).value))).toEqual([1, 1]);
    await screenshot(page, '1-uploader-live-status-phone');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('streams a document only to its uploader and the staff, and runs only to the staff', async () => {
    const documents = await api.platform.documents.list({ actorId: 'nobody', seesAll: true }, { limit: 5 });
    const documentId = documents.items[0]!.id;
    await people.add('other', ['uploader']);
    const open = (path: string, who: string) => fetch(`${baseUrl}${path}`, { headers: { ...people.as(who), accept: 'text/event-stream' } });
    const refused = await open(`/api/live/documents?ids=${documentId}`, 'other');
    expect(refused.status).toBe(404);
    expect((await open('/api/live/runs', 'uploader')).status).toBe(403);
    const own = await open(`/api/live/documents?ids=${documentId}`, 'uploader');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('text/event-stream');
    const reader = own.body!.getReader();
    let text = '';
    let event: RegExpMatchArray | null = null;
    while (!(event = text.match(/event: document\ndata: (.*)\n\n/))) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const data = JSON.parse(event[1]!);
    expect(data).toMatchObject({ document: { id: documentId }, run: { documentId, workflowId: 'invoice-intake' } });
  });

  it('puts the exception in the accountant’s inbox; they correct a field beside the PDF and approve; the run completes', async () => {
    const page = await signedInPage(browser, baseUrl, 'clerk@example.com', PASSWORD);
    const task = page.getByTestId('task').filter({ hasText: 'Check invoice' });
    await task.waitFor({ timeout: 60_000 });
    expect(await task.textContent()).toContain('XML_TOTAL_MISMATCH');
    await screenshot(page, '2-accountant-inbox');
    await task.getByRole('link').click();

    await page.getByTestId('pdf-canvas').waitFor();
    // The page was drawn: pdf.js sized the canvas to the page.
    await page.waitForFunction('(document.querySelector(\'[data-testid="pdf-canvas"]\')?.width ?? 0) > 100');
    const total = page.getByTestId('review-field-totalGross');
    await total.hover();
    expect(await total.getAttribute('class')).toContain('review-field-doubtful');
    const input = page.getByLabel(/Total gross/);
    const read = await input.inputValue();
    expect(read).toMatch(/^\d+(\.\d+)?$/);
    await input.fill('529.87');
    await page.getByText(`was “${read}”`).waitFor();
    // A field outside the task's form is corrected in place too.
    const vendor = page.getByTestId('review-field-vendorName').getByRole('textbox');
    const vendorRead = await vendor.inputValue();
    await vendor.fill(`${vendorRead} GmbH`);
    await screenshot(page, '3-accountant-review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor().catch(async (error: unknown) => {
      await screenshot(page, 'failed-accountant-approve');
      throw error;
    });

    const deadline = Date.now() + 60_000;
    let run;
    for (;;) {
      const runs = await api.platform.runs.list({ workflowId: 'invoice-intake', limit: 20 });
      const details = await Promise.all(runs.items.map((summary) => api.platform.runs.get(summary.id)));
      run = details.find((candidate) => candidate.steps.some((step) => step.stepId === 'review' && step.status === 'succeeded'));
      if (run?.status === 'succeeded' || Date.now() > deadline) break;
      await new Promise((done) => setTimeout(done, 200));
    }
    expect(run?.status).toBe('succeeded');
    const review = run!.steps.find((step) => step.stepId === 'review');
    expect(review?.outputs).toMatchObject({ outcome: 'approve', data: { totalGross: '529.87', corrections: { totalGross: { from: read, to: '529.87' } } } });
    // The workflow's confirm step recorded both corrections (they teach the vendor's profile).
    expect(run!.steps.find((step) => step.stepId === 'confirm')?.outputs).toMatchObject({ corrected: ['totalGross', 'vendorName'] });

    // The run's timeline: every step on the time axis, and the review step's outputs on a click.
    await page.goto(`/runs/${run!.id}`);
    const timeline = page.getByRole('list', { name: 'Steps on a time axis' });
    await timeline.waitFor();
    expect(await timeline.locator('li').count()).toBe(run!.steps.length);
    await timeline.getByRole('button', { name: 'review', exact: true }).click();
    await page.getByRole('article', { name: 'Step review' }).getByText('"totalGross": "529.87"').first().waitFor();
    await screenshot(page, '3b-accountant-run-timeline');

    // The Documents screen finds the invoice by the vendor name as the accountant corrected it, on the server.
    const corrected = `${vendorRead} GmbH`;
    await page.getByRole('link', { name: 'Documents', exact: true }).click();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await page.getByRole('search', { name: 'Search documents' }).getByLabel('Vendor', { exact: true }).fill(corrected.toUpperCase());
    await page.waitForURL((url) => url.searchParams.get('vendor') === corrected.toUpperCase());
    await page.getByRole('status').filter({ hasText: 'Showing 1–1 of 1 document' }).waitFor();
    const found = page.getByTestId('document-row');
    expect(await found.count()).toBe(1);
    expect(await found.textContent()).toContain(`${corrected} (confirmed)`);
    expect(await found.textContent()).toContain('529.87 EUR');
    await screenshot(page, '3c-accountant-documents-search');
    // The link reproduces the search: the uploader opens it on a phone and finds their invoice too.
    const phone = await signedInPage(browser, baseUrl, 'uploader@example.com', PASSWORD, { width: 390, height: 844 });
    await phone.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await phone.getByRole('status').filter({ hasText: 'Showing 1–1 of 1 document' }).waitFor();
    expect(await phone.getByLabel('Vendor', { exact: true }).inputValue()).toBe(corrected.toUpperCase());
    expect(await phone.getByTestId('document-row').textContent()).toContain(corrected);
    // Nothing sticks out sideways on a phone: filters and the result fit its width.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(phone, '3d-uploader-documents-search-phone');
    expect(pageProblems(phone)).toEqual([]);
    await phone.context().close();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('lets an admin edit a workflow, see the server’s error inline, fix it and publish', async () => {
    const page = await signedInPage(browser, baseUrl, 'boss@example.com', PASSWORD);
    await page.goto('/workflows/invoice-intake');
    const editor = page.getByTestId('yaml-editor');
    await editor.locator('.monaco-editor').waitFor();
    await page.getByTestId('workflow-graph').locator('.react-flow__node').first().waitFor();
    const published = await api.platform.workflows.getRevision('invoice-intake');
    expect(await page.getByTestId('workflow-graph').locator('.react-flow__node').count()).toBe(published.definition.steps.length);

    // Edits as a person makes them: go down to a line, type at its end.
    const lines = published.yaml.split('\n');
    const needsLine = lines.findIndex((line) => /^\s+needs: extract$/.test(line)) + 1;
    const nameLine = lines.findIndex((line) => line.startsWith('name: ')) + 1;
    expect(needsLine).toBeGreaterThan(0);
    const typeAtEndOfLine = async (line: number, text: string) => {
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+Home');
      for (let down = 1; down < line; down++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await page.keyboard.type(text);
    };
    // Completion from the workflow JSON Schema (monaco-yaml's worker): a top-level key the YAML lacks.
    await typeAtEndOfLine(lines.findIndex((line) => line.startsWith('id: ')) + 1, '');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await editor.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'timeout' }).first().waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'failed-admin-completion');
      throw new Error(`${String(error)}\n${pageProblems(page).join('\n')}`);
    });
    await screenshot(page, '4-admin-schema-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');

    await typeAtEndOfLine(needsLine, 'z');
    const problem = page.getByTestId('problems').locator('li').filter({ hasText: 'extractz' });
    await problem.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'failed-admin-inline-error');
      throw error;
    });
    expect(await problem.textContent()).toContain(`${needsLine}:`);
    await editor.locator('.squiggly-error').first().waitFor();
    await screenshot(page, '5-admin-inline-error');

    await page.keyboard.press('Backspace');
    await typeAtEndOfLine(nameLine, '-checked');
    await page.getByText('No problems found.').waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'failed-admin-fix');
      throw error;
    });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published revision 2' }).waitFor();
    const latest = await api.platform.workflows.getRevision('invoice-intake');
    expect(latest.revision).toBe(2);
    expect(latest.yaml).toContain('name: Invoice intake-checked\n');

    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByLabel('Differences').filter({ hasText: '+name: Invoice intake-checked' }).waitFor();
    await screenshot(page, '6-admin-published-diff');

    // The other screens open without errors in the page.
    for (const [path, heading] of [['/runs', 'Runs'], ['/documents', 'Documents'], ['/reconciliation', 'Reconciliation'], ['/dashboard', 'Dashboard']]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: heading }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
    }
    // The dashboard shows the process figures of the documents this test uploaded (GET /api/figures/process).
    await page.getByRole('article', { name: 'Touchless rate' }).waitFor();
    await page.getByRole('list', { name: 'Documents per day' }).waitFor();
    await screenshot(page, '7-admin-dashboard');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
