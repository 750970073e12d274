import { malformed } from '../statement-error';

/** One SWIFT field (":61:...") with its continuation lines and where it starts in the file. */
export interface Mt940Field {
  tag: string;
  value: string;
  line: number;
}

/** One message (":20:" up to "-"), fields in order. */
export type Mt940Message = Mt940Field[];

/** Only the fields of MT940/MT942: a wrapped ":86:" line such as ":12:11" (a time) is text, not a field. */
const TAG_LINE = /^:(20|21|25P?|28C?|60[FM]|61|86|62[FM]|64|65|34F|13D?|90[DC]|NS):(.*)$/;
/** End of a message: "-" alone, ING's "-XXX", or the close of a SWIFT block 4 "-}". */
const END_OF_MESSAGE = /^-(XXX)?\s*\}?\s*$/;

/**
 * Splits MT940/MT942 text into messages and fields. Tolerates what banks add around the fields: SWIFT
 * blocks {1:}{2:}{4: ... -}{5:}, ABN AMRO and ING header lines before ":20:", SOH/ETX control bytes, CRLF,
 * a missing final line break. A new ":20:" after a closing balance starts the next statement.
 */
export function splitMessages(text: string): Mt940Message[] {
  const cleaned = text
    .replace(/[\u0001\u0003]/g, '\n')
    .replace(/\r\n?/g, '\n')
    .replace(/\{[1235]:(?:[^{}]|\{[^{}]*\})*\}/g, '\n')
    .replace(/\{4:/g, '\n');
  const messages: Mt940Message[] = [];
  let current: Mt940Message | null = null;
  let field: Mt940Field | null = null;
  cleaned.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\s+$/, '');
    const tag = TAG_LINE.exec(line);
    if (tag) {
      if (current === null || (tag[1] === '20' && current.length > 0)) {
        current = [];
        messages.push(current);
      }
      field = { tag: tag[1], value: tag[2], line: index + 1 };
      current!.push(field);
    } else if (END_OF_MESSAGE.test(line)) {
      current = null;
      field = null;
    } else if (field && line.length > 0) {
      // Trailing spaces are kept: fixed-width wrapping may end a line in the middle of "NAME  ADDRESS".
      field.value += `\n${rawLine}`;
    }
  });
  if (messages.length === 0) throw malformed('no MT940/MT942 fields (":20:", ":25:", ":61:", ...) found');
  return messages;
}
