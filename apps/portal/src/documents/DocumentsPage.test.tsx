import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentsPage } from './DocumentsPage';

const TOTAL = 60;

function document(index: number) {
  return {
    id: `doc-${index}`, sha256: 'a'.repeat(64), fileName: `invoice-${index}.pdf`, mediaType: 'application/pdf', size: 2048, pages: 1, status: 'stored',
    uploadedBy: 'user:ada', uploadedAt: '2026-11-20T10:00:00Z',
    invoice: { vendorName: index === 1 ? 'Müller Bürobedarf GmbH' : 'Acme Ltd', invoiceNumber: `RE-${index}`, issueDate: '2026-11-01', totalGross: '1190.50', currency: 'EUR', confirmed: index === 1 },
  };
}

/** A documents API of TOTAL documents that records each query it is asked. */
function fakeApi(): URLSearchParams[] {
  const asked: URLSearchParams[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://portal.test');
    if (url.pathname !== '/api/documents') return new Response(null, { status: 404 });
    asked.push(url.searchParams);
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const vendor = url.searchParams.get('vendor');
    const total = vendor === 'müller' ? 1 : vendor ? 30 : TOTAL;
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, index) => document(offset + index + 1));
    return Response.json({ items, total, limit, offset });
  });
  return asked;
}

function Address() {
  const location = useLocation();
  return <output data-testid="address">{`${location.pathname}${location.search}`}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/documents" element={<><DocumentsPage /><Address /></>} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('DocumentsPage', () => {
  it('opens the search a link describes and asks the server for that page', async () => {
    const asked = fakeApi();
    renderAt('/documents?vendor=acme&amountMin=100&status=stored&sort=-totalGross&page=2');
    await screen.findByText('Showing 26–30 of 30 documents');
    expect(Object.fromEntries(asked[0]!)).toEqual({ vendor: 'acme', status: 'stored', amountMin: '100', sort: '-totalGross', limit: '25', offset: '25' });
    expect(screen.getByLabelText('Vendor')).toHaveValue('acme');
    expect(screen.getByLabelText('Status')).toHaveValue('stored');
    expect(screen.getByLabelText('Sort by')).toHaveValue('-totalGross');
  });

  it('sends what is typed once the typing pauses, into the address bar too, back on page one', async () => {
    const asked = fakeApi();
    renderAt('/documents?page=2');
    await screen.findByText('Showing 26–50 of 60 documents');
    await userEvent.type(screen.getByLabelText('Vendor'), 'müller');
    await waitFor(() => expect(screen.getByTestId('address')).toHaveTextContent('/documents?vendor=m%C3%BCller'));
    await screen.findByText('Showing 1–1 of 1 document');
    // One request for the whole word, not one per letter.
    expect(asked.map((query) => query.get('vendor'))).toEqual([null, 'müller']);
    const row = screen.getByTestId('document-row');
    expect(within(row).getByText('Müller Bürobedarf GmbH')).toBeInTheDocument();
    expect(within(row).getByText('(confirmed)')).toBeInTheDocument();
    expect(within(row).getByText('1190.50 EUR')).toBeInTheDocument();
  });

  it('leaves an amount that is not one out of the search and says so', async () => {
    const asked = fakeApi();
    renderAt('/documents');
    await screen.findByText('Showing 1–25 of 60 documents');
    const from = screen.getByLabelText(/Amount from/);
    await userEvent.type(from, '12,5x');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Enter an amount such as 1190.50/)).toBeInTheDocument();
    await userEvent.clear(from);
    await userEvent.type(from, '12,50');
    expect(from).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(asked.at(-1)?.get('amountMin')).toBe('12.50'));
    expect(asked.some((query) => query.has('amountMin') && query.get('amountMin') !== '12.50')).toBe(false);
  });

  it('pages with labelled buttons and the arrow keys, showing where it is', async () => {
    const asked = fakeApi();
    renderAt('/documents');
    await screen.findByText('Showing 1–25 of 60 documents');
    const pages = screen.getByRole('navigation', { name: 'Document pages' });
    expect(within(pages).getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await userEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    await screen.findByText('Showing 26–50 of 60 documents');
    expect(screen.getByTestId('address')).toHaveTextContent('/documents?page=2');
    expect(asked.at(-1)?.get('offset')).toBe('25');

    within(pages).getByRole('button', { name: 'Page 2' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await screen.findByText('Showing 51–60 of 60 documents');
    expect(within(pages).getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
    expect(within(pages).getByRole('button', { name: 'Next page' })).toBeDisabled();
    await userEvent.keyboard('{ArrowLeft}');
    await screen.findByText('Showing 26–50 of 60 documents');
  });
});
