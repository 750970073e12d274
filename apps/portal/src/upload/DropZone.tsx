import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

const ACCEPT = 'application/pdf,image/png,image/jpeg,image/tiff,application/xml,text/xml,.xml';

/** Drop files here, or press Enter/Space (or click) to choose them; on a phone, take a photo. */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  }

  function keyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  }

  return (
    <div className="drop-area">
      <div
        role="button"
        tabIndex={0}
        aria-label="Choose files to upload, or drop them here"
        aria-disabled={disabled}
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        onClick={() => input.current?.click()}
        onKeyDown={keyDown}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <strong>Drop invoices here</strong>
        <span>or choose files (PDF, images, e-invoice XML)</span>
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(event) => {
          if (event.target.files) onFiles([...event.target.files]);
          event.target.value = '';
        }}
      />
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(event) => {
          if (event.target.files) onFiles([...event.target.files]);
          event.target.value = '';
        }}
      />
      <button type="button" className="secondary camera-button" onClick={() => camera.current?.click()} disabled={disabled}>
        Take a photo
      </button>
    </div>
  );
}
