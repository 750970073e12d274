import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentViewer } from './DocumentViewer';

const box = { x: 0.5, y: 0.75, width: 0.2, height: 0.05 };

beforeEach(() => {
  // jsdom has neither a server nor object URLs: the document's bytes come from a fake API.
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { status: 200, headers: { 'Content-Type': 'image/png' } }));
  URL.createObjectURL = vi.fn(() => 'blob:document');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

describe('DocumentViewer', () => {
  it('shows the image and draws the hovered field’s box where the reader found it, as page fractions', async () => {
    render(<DocumentViewer documentId="doc-1" page={1} highlight={{ name: 'totalGross', field: { value: '1.00', confidence: 0.6, source: 'ocr', page: 1, bbox: box } }} />);
    expect(await screen.findByRole('img', { name: 'The uploaded document' })).toHaveAttribute('src', 'blob:document');
    expect(fetch).toHaveBeenCalledWith('/api/documents/doc-1/content', expect.objectContaining({ credentials: 'same-origin' }));
    const drawn = screen.getByTestId('field-box');
    expect(drawn.style.left).toBe('50%');
    expect(drawn.style.top).toBe('75%');
    expect(drawn.style.width).toBe('20%');
  });

  it('draws nothing for a field on another page, and says when a value has no place on the page', async () => {
    const { rerender } = render(<DocumentViewer documentId="doc-1" page={1} highlight={{ name: 'iban', field: { value: 'DE02', confidence: 0.9, source: 'text', page: 2, bbox: box } }} />);
    await screen.findByRole('img', { name: 'The uploaded document' });
    expect(screen.queryByTestId('field-box')).toBeNull();
    rerender(<DocumentViewer documentId="doc-1" page={1} highlight={{ name: 'totalGross', field: { value: '1.00', confidence: 1, source: 'xml', page: null, bbox: null } }} />);
    expect(screen.getByText(/comes from the embedded XML/)).toBeInTheDocument();
  });

  it('says so when the document cannot be loaded', async () => {
    vi.mocked(fetch).mockResolvedValue(new Response('{}', { status: 404 }));
    render(<DocumentViewer documentId="gone" page={1} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be loaded (404)');
  });
});
