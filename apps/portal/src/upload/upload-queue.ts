import type { IntakeView } from '../api/types';

export type UploadState = 'waiting' | 'uploading' | 'uploaded' | 'failed';

export interface UploadItem {
  key: string;
  file: File;
  progress: number;
  state: UploadState;
  intake?: IntakeView;
  error?: string;
}

let counter = 0;

export function newUploadItems(files: File[]): UploadItem[] {
  return files.map((file) => ({ key: `${Date.now()}-${counter++}`, file, progress: 0, state: 'waiting' }));
}

/** Accepted documents start a workflow; refused ones (and failed uploads) do not. */
export function documentIdsToWatch(items: UploadItem[]): string[] {
  const ids = items.filter((item) => item.intake && (item.intake.status === 'stored' || item.intake.status === 'received' || item.intake.duplicate)).map((item) => item.intake!.id);
  return [...new Set(ids)];
}

/** What one line of the upload list says about the file's document and its run. */
export function describeOutcome(item: UploadItem): string {
  if (item.state === 'failed') return item.error ?? 'Upload failed';
  if (item.state !== 'uploaded' || !item.intake) return item.state === 'uploading' ? `Uploading ${Math.round(item.progress * 100)}%` : 'Waiting';
  const intake = item.intake;
  if (intake.status === 'rejected') return `Refused: ${intake.error?.message ?? intake.error?.code ?? 'unknown reason'}`;
  if (intake.duplicate) return 'Already uploaded before: showing the first copy';
  return 'Uploaded';
}
