import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FieldEditor } from './FieldEditor';
import type { ReviewField } from './review-fields';

const field: ReviewField = {
  name: 'totalGross', label: 'Total gross', value: '100.00', inForm: true, required: true, pattern: '^-?[0-9]+(\\.[0-9]+)?$', doubtful: true,
  issues: ['Printed total differs'],
  extracted: { value: '100.00', confidence: 0.55, source: 'ocr', page: 2, bbox: { x: 0.1, y: 0.1, width: 0.1, height: 0.1 } },
};

describe('FieldEditor', () => {
  it('shows confidence, source and page, and says why the value is doubtful', () => {
    render(<FieldEditor field={field} value="100.00" onChange={() => undefined} onFocus={() => undefined} />);
    expect(screen.getByLabelText(/Total gross/)).toHaveValue('100.00');
    expect(screen.getByText(/55% · ocr · page 2/)).toBeInTheDocument();
    expect(screen.getByText(/Printed total differs/)).toBeInTheDocument();
    expect(screen.getByTestId('review-field-totalGross')).toHaveClass('review-field-doubtful');
  });

  it('reports edits, hovering and keyboard focus (which highlight the box), and flags a value the form refuses', async () => {
    const onChange = vi.fn();
    const onFocus = vi.fn();
    const { rerender } = render(<FieldEditor field={field} value="100.00" onChange={onChange} onFocus={onFocus} />);
    fireEvent.mouseEnter(screen.getByTestId('review-field-totalGross'));
    expect(onFocus).toHaveBeenCalledTimes(1);
    await userEvent.tab();
    expect(onFocus).toHaveBeenCalledTimes(2);
    await userEvent.type(screen.getByLabelText(/Total gross/), '5');
    expect(onChange).toHaveBeenLastCalledWith('100.005');
    rerender(<FieldEditor field={field} value="1,00" onChange={onChange} onFocus={onFocus} />);
    expect(screen.getByText(/must match/)).toBeInTheDocument();
    expect(screen.getByText(/was “100.00”/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Total gross/)).toHaveAttribute('aria-invalid', 'true');
  });
});
