import { DomainError } from '@conveyor/kernel';

type ResponseBody = AsyncIterable<Buffer | Uint8Array> & { destroy(error?: Error): unknown; on(event: 'error', listener: () => void): unknown };

/** Drops a body we will not read; the connection is closed rather than drained. */
export function discardBody(body: ResponseBody): void {
  // Destroying an unread body makes it emit an abort error that nobody needs to hear.
  body.on('error', () => undefined);
  body.destroy();
}

/** Reads a response body, stopping as soon as it grows past `maxBytes` (the sender is not trusted to be honest). */
export async function readBodyWithin(body: ResponseBody, maxBytes: number, origin: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      discardBody(body);
      throw tooLarge(origin, maxBytes);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export function tooLarge(origin: string, maxBytes: number): DomainError {
  return new DomainError('HTTP_RESPONSE_TOO_LARGE', `The response from ${origin} is larger than the limit of ${maxBytes} bytes`, { maxBytes }, false);
}

/** The start of an error response, as evidence for the step's error; never reads the whole body. */
export async function readExcerpt(body: ResponseBody, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(Buffer.from(chunk));
      size += chunk.length;
      if (size >= maxBytes) break;
    }
  } catch {
    // The excerpt is only evidence; a broken body must not hide the status error itself.
  } finally {
    discardBody(body);
  }
  const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  return size > maxBytes ? `${text}…` : text;
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType === 'text/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

/** Turns the raw body into the step's output body: parsed JSON or text (null for an empty JSON body). */
export function decodeBody(raw: Buffer, responseType: 'json' | 'text', origin: string): unknown {
  const text = raw.toString('utf8');
  if (responseType === 'text') return text;
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError(
      'HTTP_BAD_RESPONSE',
      `The response from ${origin} is not valid JSON`,
      { bodyExcerpt: text.slice(0, 500) },
      false,
    );
  }
}
