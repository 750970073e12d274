import { escapeHtml, htmlTemplateProblems, oneLine, renderHtmlTemplate, renderTextTemplate } from './mail-template';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='steal()'>&`;

describe('mail templates', () => {
  it('escapes every value in HTML, attributes included', () => {
    const html = renderHtmlTemplate('<p title="{{name}}">Hello {{name}}</p>', { name: HOSTILE });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/title="[^"]*"[^>]*onerror/);
    expect(html).toBe(`<p title="${escapeHtml(HOSTILE)}">Hello ${escapeHtml(HOSTILE)}</p>`);
    expect(escapeHtml(HOSTILE)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;&lt;img src&#x3D;x onerror&#x3D;&#39;steal()&#39;&gt;&amp;');
  });

  it('escapes values inside sections and lists', () => {
    const html = renderHtmlTemplate('<ul>{{#lines}}<li>{{sku}}</li>{{/lines}}</ul>', { lines: [{ sku: '<b>A</b>' }, { sku: 'B&C' }] });
    expect(html).toBe('<ul><li>&lt;b&gt;A&lt;&#x2F;b&gt;</li><li>B&amp;C</li></ul>');
  });

  it('refuses the forms that would insert a value unescaped or include a partial', () => {
    expect(htmlTemplateProblems('<p>{{name}}</p>')).toEqual([]);
    expect(htmlTemplateProblems('<p>{{{name}}}</p>')).toHaveLength(1);
    expect(htmlTemplateProblems('<p>{{& name}}</p>')).toHaveLength(1);
    expect(htmlTemplateProblems('{{#rows}}{{{cell}}}{{/rows}}')).toHaveLength(1);
    expect(htmlTemplateProblems('{{> footer}}')).toHaveLength(1);
    expect(htmlTemplateProblems('{{=<% %>=}}<%{name}%>')).toHaveLength(1);
    expect(htmlTemplateProblems('{{#open}}')[0]).toMatch(/not a valid template/);
    expect(() => renderHtmlTemplate('{{{name}}}', { name: HOSTILE })).toThrow(expect.objectContaining({ code: 'MAIL_TEMPLATE_INVALID' }));
  });

  it('reaches only the data given, never inherited members', () => {
    expect(renderHtmlTemplate('[{{constructor}}][{{toString}}][{{__proto__}}]', { name: 'x' })).toBe('[][][]');
    expect(renderHtmlTemplate('{{a.b}}', { a: { b: 'deep' } })).toBe('deep');
  });

  it('leaves values as they are in plain text, and does not interpret template syntax inside values', () => {
    expect(renderTextTemplate('Hi {{name}}, {{note}}', { name: 'Ada & <Ben>', note: '{{secret}}' })).toBe('Hi Ada & <Ben>, {{secret}}');
  });

  it('makes subjects one line', () => {
    expect(oneLine('Invoice\r\nBcc: victim@example.test\t  late')).toBe('Invoice Bcc: victim@example.test late');
    expect(oneLine('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
