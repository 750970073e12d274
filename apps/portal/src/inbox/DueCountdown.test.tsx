import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DueCountdown } from './DueCountdown';

const now = Date.parse('2026-11-23T12:00:00Z');

describe('DueCountdown', () => {
  it('counts down to the due date', () => {
    render(<DueCountdown dueAt="2026-11-25T16:00:00Z" now={now} />);
    expect(screen.getByText('due in 2 d 4 h')).toHaveClass('due-later');
  });

  it('warns within a day and shows overdue tasks', () => {
    const { rerender } = render(<DueCountdown dueAt="2026-11-23T15:30:00Z" now={now} />);
    expect(screen.getByText('due in 3 h 30 min')).toHaveClass('due-soon');
    rerender(<DueCountdown dueAt="2026-11-23T11:15:00Z" now={now} />);
    expect(screen.getByText('overdue by 45 min')).toHaveClass('due-overdue');
  });
});
