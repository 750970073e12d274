import { ValidationCode, ValidationProblem } from '../model';
import { ProblemPath, YamlSource } from './yaml-source';

/** Gathers problems, each located in the YAML source; reported sorted by position. */
export class ProblemCollector {
  private readonly problems: ValidationProblem[] = [];

  constructor(
    private readonly source: YamlSource,
    private readonly file?: string,
  ) {}

  add(code: ValidationCode, path: ProblemPath, message: string, target: 'key' | 'value' = 'value'): void {
    const { line, column } = this.source.locate(path, target);
    this.push({ code, path, message, line, column });
  }

  addAt(code: ValidationCode, line: number, column: number, message: string, path: ProblemPath = []): void {
    this.push({ code, path, message, line, column });
  }

  get count(): number {
    return this.problems.length;
  }

  sorted(): ValidationProblem[] {
    return [...this.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private push(problem: Omit<ValidationProblem, 'file'>): void {
    const duplicate = this.problems.some(
      (known) => known.code === problem.code && known.line === problem.line && known.column === problem.column && known.message === problem.message,
    );
    if (duplicate) return;
    this.problems.push(this.file === undefined ? problem : { file: this.file, ...problem });
  }
}
