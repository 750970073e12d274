/** What intake accepts; the platform fills it from DOCUMENT_MAX_* in the configuration. */
export interface DocumentLimits {
  maxBytes: number;
  maxPages: number;
  maxFilesPerUpload: number;
  maxImagePixels: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = Object.freeze({
  maxBytes: 25 * 1024 * 1024,
  maxPages: 200,
  maxFilesPerUpload: 20,
  maxImagePixels: 100_000_000,
});

/** "25 MB", "512 KB", "17 bytes": limits said the way people read them. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
