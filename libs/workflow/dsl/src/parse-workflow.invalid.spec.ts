import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkflow } from './parse-workflow';
import { fixtureCatalog } from '../fixtures/fixture-catalog';

/**
 * One fixture per rule in fixtures/invalid. Each file states what it must produce in header lines
 * `# expect: CODE line:column`; the parser must report exactly those problems.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'invalid');
const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')).sort();

function expectationsOf(text: string): string[] {
  return [...text.matchAll(/^# expect: ([A-Z_]+) (\d+):(\d+)\s*$/gm)].map(([, code, line, column]) => `${code} ${line}:${column}`).sort();
}

describe('invalid workflow fixtures', () => {
  it('has a fixture for every validation code', () => {
    const codes = new Set(files.flatMap((name) => expectationsOf(readFileSync(join(FIXTURES, name), 'utf8')).map((entry) => entry.split(' ')[0])));
    expect([...codes].sort()).toEqual(
      [
        'BAD_CRON',
        'BAD_EXPRESSION',
        'BAD_GOTO',
        'BAD_STEP_INPUT',
        'BAD_TIMEZONE',
        'CYCLE',
        'DUPLICATE_ID',
        'SCHEMA',
        'UNKNOWN_NEEDS',
        'UNKNOWN_STEP_REFERENCE',
        'UNKNOWN_STEP_TYPE',
        'WRONG_INPUT_TYPE',
        'YAML_SYNTAX',
      ].sort(),
    );
  });

  it.each(files)('%s reports exactly its expected problems with positions', (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const expected = expectationsOf(text);
    expect(expected.length).toBeGreaterThan(0);

    const result = parseWorkflow(text, { file: name, catalog: fixtureCatalog });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => `${problem.code} ${problem.line}:${problem.column}`).sort()).toEqual(expected);
    for (const problem of result.problems) {
      expect(problem.file).toBe(name);
      expect(problem.message.length).toBeGreaterThan(10);
      expect(problem.message).not.toMatch(/undefined|\[object Object\]/);
    }
  });
});
