import { createEvent, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DropZone } from './DropZone';
import { describeOutcome, documentIdsToWatch, newUploadItems } from './upload-queue';

describe('DropZone', () => {
  it('takes dropped files', () => {
    const onFiles = vi.fn();
    render(<DropZone onFiles={onFiles} />);
    const zone = screen.getByRole('button', { name: /Choose files to upload/ });
    const files = [new File(['a'], 'a.pdf', { type: 'application/pdf' }), new File(['b'], 'b.xml', { type: 'application/xml' })];
    const drop = createEvent.drop(zone);
    Object.defineProperty(drop, 'dataTransfer', { value: { files } });
    fireEvent(zone, drop);
    expect(onFiles).toHaveBeenCalledWith(files);
  });

  it('opens the file chooser from the keyboard and passes on the chosen files', async () => {
    const onFiles = vi.fn();
    render(<DropZone onFiles={onFiles} />);
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    screen.getByRole('button', { name: /Choose files to upload/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(click).toHaveBeenCalled();
    await userEvent.upload(input, [new File(['x'], 'scan.png', { type: 'image/png' })]);
    expect(onFiles.mock.calls[0][0].map((file: File) => file.name)).toEqual(['scan.png']);
  });
});

describe('upload queue', () => {
  it('watches accepted documents only, and says why a file was refused', () => {
    const [stored, rejected, duplicate] = newUploadItems([new File(['1'], '1.pdf'), new File(['2'], '2.pdf'), new File(['3'], '3.pdf')]);
    stored.state = rejected.state = duplicate.state = 'uploaded';
    stored.intake = { id: 'd1', fileName: '1.pdf', status: 'stored', duplicate: false, mediaType: 'application/pdf', size: 1, pages: 1 };
    rejected.intake = { id: 'd2', fileName: '2.pdf', status: 'rejected', duplicate: false, mediaType: null, size: 1, pages: null, error: { code: 'DOCUMENT_CORRUPT', message: 'The PDF is damaged' } };
    duplicate.intake = { id: 'd1', fileName: '3.pdf', status: 'stored', duplicate: true, mediaType: 'application/pdf', size: 1, pages: 1 };
    expect(documentIdsToWatch([stored, rejected, duplicate])).toEqual(['d1']);
    expect(describeOutcome(rejected)).toBe('Refused: The PDF is damaged');
    expect(describeOutcome(duplicate)).toMatch(/Already uploaded/);
  });
});
