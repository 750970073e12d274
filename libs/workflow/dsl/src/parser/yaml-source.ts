import { Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument, visit } from 'yaml';
import { SourcePosition } from '../model';

export type ProblemPath = (string | number)[];

/** Explicit tags that only restate plain JSON-like data; others (!!binary, !!set, custom) are refused. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** A parsed YAML file that can tell where any path of the document is written. */
export class YamlSource {
  private constructor(
    readonly document: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly text: string,
  ) {}

  static parse(text: string): YamlSource {
    const lines = new LineCounter();
    const document = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: true,
      strict: true,
      prettyErrors: true,
      schema: 'core',
      version: '1.2',
    });
    return new YamlSource(document, lines, text);
  }

  /** Syntax errors in file order: YAML errors, then refused features (aliases, custom tags). */
  syntaxErrors(): { position: SourcePosition; message: string }[] {
    const errors = this.document.errors.map((error) => ({
      position: this.positionOf(this.offendingOffset(error.pos[0])),
      message: describeYamlError(error.message),
    }));
    if (errors.length > 0) return errors;
    visit(this.document, {
      Alias: (_key, node) => {
        errors.push({
          position: this.positionOf(node.range?.[0] ?? 0),
          message: 'YAML aliases (*name) are not supported in workflows; write the value out instead',
        });
      },
      Node: (_key, node) => {
        if (node.tag && !PLAIN_TAGS.has(node.tag)) {
          errors.push({ position: this.positionOf(this.tagStart(node.range?.[0] ?? 0)), message: `The YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not supported in workflows` });
        }
      },
    });
    return errors;
  }

  toData(): unknown {
    return this.document.toJS({ maxAliasCount: 0 });
  }

  /**
   * Where `path` is written. `target: 'key'` points at the key of the last map entry (for problems
   * about a field itself, e.g. an unknown field); otherwise at the value. Paths that do not exist
   * in the file (a missing field) resolve to the deepest existing node.
   */
  locate(path: ProblemPath, target: 'key' | 'value' = 'value'): SourcePosition {
    let node: unknown = this.document.contents;
    let keyNode: unknown;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (!next) break;
      node = next.value ?? next.key;
      keyNode = next.key;
    }
    const chosen = target === 'key' && keyNode ? keyNode : node;
    return this.positionOf(rangeStart(chosen));
  }

  /**
   * yaml reports some errors where it noticed them rather than where the mistake is: an unclosed
   * quote or bracket at the end of the file, a misindented entry at the start of its line. Point at
   * the node that is still open, or at the first character of the misplaced entry.
   */
  private offendingOffset(offset: number): number {
    if (this.text.slice(offset).trim() === '') {
      const open = innermostNodeEndingAt(this.document.contents, offset, this.text.trimEnd().length);
      if (open !== undefined) return open;
    }
    let start = offset;
    while (this.text[start] === ' ') start++;
    return this.text[start] === '\n' || start >= this.text.length ? offset : start;
  }

  /** The node's range starts after its tag; the tag (`!!binary`) is the token right before it. */
  private tagStart(valueStart: number): number {
    let end = valueStart - 1;
    while (end >= 0 && (this.text[end] === ' ' || this.text[end] === '\t')) end--;
    let start = end;
    while (start > 0 && !/\s/.test(this.text[start - 1])) start--;
    return this.text[start] === '!' ? start : valueStart;
  }

  private positionOf(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function childOf(node: unknown, segment: string | number): { key?: unknown; value?: unknown } | undefined {
  if (isAlias(node)) return undefined;
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? { key: pair.key, value: pair.value ?? undefined } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined || item === null ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number {
  if (isCollection(node) || isScalar(node) || isAlias(node)) return (node as Node).range?.[0] ?? 0;
  return 0;
}

/** The first line of a yaml error without its "at line X, column Y" suffix (we report positions ourselves). */
function describeYamlError(message: string): string {
  const firstLine = message.split('\n')[0];
  return firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

/**
 * Start of the node left open at the end of the content: the last quoted scalar or flow collection
 * ({...}, [...]) that runs to the end, else the deepest node that does.
 */
function innermostNodeEndingAt(root: unknown, errorOffset: number, contentEnd: number): number | undefined {
  if (!root) return undefined;
  let deepest: number | undefined;
  let opener: number | undefined;
  visit(root as Node, (_key, node) => {
    const range = (node as Node).range;
    if (!range || range[0] >= errorOffset || range[1] < contentEnd) return;
    deepest = range[0];
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    if (quoted || (isCollection(node) && node.flow)) opener = range[0];
  });
  return opener ?? deepest;
}
