import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/session';
import { InboxPage } from './InboxPage';

const task = (id: string, title: string, code: string) => ({
  id, runId: `run-${id}`, workflowId: 'invoice-intake', stepId: 'review', title, status: 'open', outcomes: ['approve', 'reject', 'request-changes'],
  context: { issues: [{ code, message: 'details' }] }, version: 3, createdAt: '2026-11-23T10:00:00Z', dueAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
});

afterEach(() => vi.restoreAllMocks());

describe('InboxPage', () => {
  it('shows each exception with its code and due time, and rejects several at once with one reason', async () => {
    const bodies: unknown[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/auth/me') return Response.json({ kind: 'api-key', id: 'k', displayName: 'Una', roles: ['uploader'], groups: [], actor: 'api-key:k' });
      if (url.startsWith('/api/tasks?')) return Response.json({ items: [task('a', 'Check invoice A', 'XML_TOTAL_MISMATCH'), task('b', 'Check invoice B', 'TOTALS_INCONSISTENT')] });
      if (url === '/api/tasks/decide') {
        bodies.push(JSON.parse(String(init?.body)));
        return Response.json({ results: [{ taskId: 'a', ok: true }, { taskId: 'b', ok: false, error: { code: 'TASK_CONFLICT', message: 'already decided' } }] });
      }
      return new Response(null, { status: 404 });
    });
    render(
      <MemoryRouter>
        <SessionProvider>
          <InboxPage />
        </SessionProvider>
      </MemoryRouter>,
    );
    const cards = await screen.findAllByTestId('task');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByText('XML_TOTAL_MISMATCH')).toBeInTheDocument();
    expect(within(cards[0]).getByText(/due in 2 h 59 min|due in 3 h 0 min/)).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText(/Select all/));
    const bulk = screen.getByRole('group', { name: 'Decide 2 selected tasks' });
    await userEvent.click(within(bulk).getByRole('button', { name: 'Reject' }));
    await userEvent.type(screen.getByLabelText(/Reason for rejecting \(2 selected tasks\)/), 'not our invoices{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('1 decided, 1 refused: already decided');
    expect(bodies).toEqual([
      { items: [{ taskId: 'a', outcome: 'reject', comment: 'not our invoices', expectedVersion: 3 }, { taskId: 'b', outcome: 'reject', comment: 'not our invoices', expectedVersion: 3 }] },
    ]);
  });
});
