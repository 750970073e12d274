import { StepTypeCatalog, WorkflowDefinition } from '../model';
import { ProblemCollector } from '../parser/problem-collector';
import { describeLocation, valueAt } from '../parser/data-paths';
import { ProblemPath, YamlSource } from '../parser/yaml-source';

/** Everything a semantic check needs; paths in problems refer to the YAML surface (`data`). */
export class ValidationContext {
  constructor(
    readonly data: unknown,
    readonly definition: WorkflowDefinition,
    readonly problems: ProblemCollector,
    readonly source: YamlSource,
    readonly catalog?: StepTypeCatalog,
  ) {}

  where(path: ProblemPath): string {
    return describeLocation(this.data, path);
  }

  valueAt(path: ProblemPath): unknown {
    return valueAt(this.data, path);
  }

  lineOf(path: ProblemPath): number {
    return this.source.locate(path).line;
  }
}
