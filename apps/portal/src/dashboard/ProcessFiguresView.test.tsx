import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProcessFiguresView, type ProcessFiguresData } from './ProcessFiguresView';

const figures: ProcessFiguresData = {
  cases: { uploaded: 4, finished: 2, inProgress: 2 },
  cycleTime: {
    uploadToApproved: { count: 2, medianMs: 90_000, p95Ms: 3_600_000 },
    uploadToPaid: { count: 0, medianMs: null, p95Ms: null },
    shares: { machine: 0.1, queue: 0.2, people: 0.7 },
  },
  touchless: { count: 1, of: 2, rate: 0.5 },
  exceptions: { byCode: [{ code: 'DUPLICATE_INVOICE', count: 1, rate: 0.25 }] },
  backlog: { openTasks: 3, oldestAgeMs: 7_200_000 },
  throughputPerDay: [{ day: '2026-03-02', uploaded: 4, finished: 2 }],
  corrections: { byField: [{ field: 'totalGross', count: 1 }] },
};

describe('ProcessFiguresView', () => {
  it('shows the cycle time with its split, the touchless rate, the backlog and the exceptions', () => {
    render(<ProcessFiguresView figures={figures} />);
    const cycle = screen.getByRole('article', { name: 'Cycle time' });
    expect(within(cycle).getByText('1 min 30 s')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Where the time went' })).getByText('70.0 %')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Touchless rate' })).getByText('50.0 %')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Backlog' })).getByText('3')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Exceptions by code' })).getByText('DUPLICATE_INVOICE')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Corrections by field' })).getByText('totalGross')).toBeInTheDocument();
  });

  it('says so when a period has no exceptions, and shows dashes for figures without data', () => {
    render(<ProcessFiguresView figures={{ ...figures, exceptions: { byCode: [] }, touchless: { count: 0, of: 0, rate: null } }} />);
    expect(screen.getAllByText('None in this period.').length).toBeGreaterThan(0);
    expect(within(screen.getByRole('article', { name: 'Touchless rate' })).getByText('—')).toBeInTheDocument();
  });
});
