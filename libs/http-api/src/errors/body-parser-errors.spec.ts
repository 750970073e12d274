import { DomainError } from '@conveyor/kernel';
import { fromBodyParserError } from './body-parser-errors';

describe('fromBodyParserError', () => {
  it('names malformed JSON, oversized bodies and bad encodings', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), { type: 'entity.parse.failed', status: 400 });
    expect(fromBodyParserError(syntax)).toEqual(new DomainError('MALFORMED_JSON', 'The request body is not valid JSON'));
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
    expect(fromBodyParserError(tooLarge)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const charset = Object.assign(new Error('unsupported charset "KOI8"'), { type: 'charset.unsupported', status: 415 });
    expect(fromBodyParserError(charset)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('leaves other errors alone', () => {
    const other = new Error('boom');
    expect(fromBodyParserError(other)).toBe(other);
    const serverSide = Object.assign(new Error('stream encoding should not be set'), { type: 'stream.encoding.set', status: 500 });
    expect(fromBodyParserError(serverSide)).toBe(serverSide);
  });
});
