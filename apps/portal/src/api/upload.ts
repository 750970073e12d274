import { toApiError } from './client';
import type { IntakeView } from './types';

export interface UploadHandle {
  promise: Promise<IntakeView[]>;
  abort(): void;
}

/**
 * Uploads files as multipart/form-data (field `files`) with XMLHttpRequest, the one browser API that reports
 * upload progress. `onProgress` receives the fraction sent, 0 to 1.
 */
export function uploadFiles(files: File[], onProgress: (fraction: number) => void): UploadHandle {
  const request = new XMLHttpRequest();
  const promise = new Promise<IntakeView[]>((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    request.open('POST', '/api/documents');
    request.withCredentials = true;
    request.responseType = 'json';
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve((request.response as { items: IntakeView[] }).items);
      } else {
        reject(toApiError(request.status, request.response));
      }
    };
    request.onerror = () => reject(new Error('The upload did not reach the server'));
    request.onabort = () => reject(new Error('Upload cancelled'));
    request.send(form);
  });
  return { promise, abort: () => request.abort() };
}
