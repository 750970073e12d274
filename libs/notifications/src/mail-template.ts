import Mustache from 'mustache';
import { DomainError } from '@conveyor/kernel';

/**
 * Mail bodies are Mustache templates: the template is the author's (a workflow or this library), the values
 * are untrusted (invoice fields, names, anything a workflow expression produced). In HTML every value is
 * escaped; the template forms that would insert a value unescaped ({{{x}}}, {{&x}}) or pull in other
 * templates ({{>x}}) are refused, so escaping cannot be switched off from inside a template.
 */

const REFUSED_TOKENS: Record<string, string> = {
  '&': 'inserts a value without HTML escaping ({{{name}}} or {{&name}}); use {{name}}',
  '>': 'includes a partial ({{>name}}), which mails do not have',
};

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/** What is wrong with an HTML template, as sentences; empty when it may be used. */
export function htmlTemplateProblems(template: string): string[] {
  let tokens: Token[];
  try {
    tokens = new Mustache.Writer().parse(template) as Token[];
  } catch (error) {
    return [`is not a valid template: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const walk = (list: Token[]) => {
    for (const token of list) {
      const reason = REFUSED_TOKENS[token[0]];
      if (reason) problems.push(`"${template.slice(token[2], token[3])}" ${reason}`);
      if (Array.isArray(token[4])) walk(token[4]);
    }
  };
  walk(tokens);
  return problems;
}

/** Renders an HTML template with every value escaped; a refused or broken template is MAIL_TEMPLATE_INVALID. */
export function renderHtmlTemplate(template: string, values: Record<string, unknown>): string {
  const problems = htmlTemplateProblems(template);
  if (problems.length > 0) throw new DomainError('MAIL_TEMPLATE_INVALID', `The HTML template cannot be used: ${problems.join('; ')}`, { problems });
  return render(template, values, escapeHtml);
}

/** Renders a plain-text template: values go in as they are (a text mail interprets nothing). */
export function renderTextTemplate(template: string, values: Record<string, unknown>): string {
  return render(template, values, (text) => text);
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=/]/g, (character) => HTML_ENTITIES[character]);
}

/** A mail subject is one line: line breaks and other control characters from values become spaces. */
export function oneLine(text: string, maxLength = 250): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#x60;', '=': '&#x3D;', '/': '&#x2F;',
};

function render(template: string, values: Record<string, unknown>, escape: (text: string) => string): string {
  try {
    // A writer per render: templates may differ per message, and a shared cache would only grow.
    return new Mustache.Writer().render(template, plainView(values), undefined, { escape: (value: unknown) => escape(String(value)) });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('MAIL_TEMPLATE_INVALID', `The template could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A copy of the values without prototypes: a template can name only the data's own fields, never
 * inherited members such as `constructor`. Functions and other non-data values are dropped.
 */
function plainView(value: unknown): Record<string, unknown> {
  return toPlain(value, 0) as Record<string, unknown>;
}

function toPlain(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth > 20) return undefined;
  if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1));
  if (typeof value !== 'object' || value === undefined) return undefined;
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    const plain = toPlain(item, depth + 1);
    if (plain !== undefined) copy[key] = plain;
  }
  return copy;
}
