import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DecisionBar } from './DecisionBar';

describe('DecisionBar', () => {
  it('approves at once', async () => {
    const onDecide = vi.fn();
    render(<DecisionBar outcomes={['approve', 'reject']} onDecide={onDecide} label="task" />);
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onDecide).toHaveBeenCalledWith({ outcome: 'approve' });
  });

  it('asks for a reason before rejecting, and will not reject without one', async () => {
    const onDecide = vi.fn();
    render(<DecisionBar outcomes={['approve', 'reject', 'request-changes']} onDecide={onDecide} label="task" />);
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    const submit = screen.getByRole('button', { name: 'Reject' });
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/Reason for rejecting/), 'duplicate of INV-7{Enter}');
    expect(onDecide).toHaveBeenCalledWith({ outcome: 'reject', comment: 'duplicate of INV-7' });
    expect(screen.getByRole('button', { name: 'Approve' })).toBeInTheDocument();
  });

  it('offers only the outcomes the task allows', () => {
    render(<DecisionBar outcomes={['approve']} onDecide={() => undefined} label="task" />);
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
  });
});
