import { DomainError } from '@conveyor/kernel';
import type { StepSpec, WorkflowDefinition } from '@conveyor/workflow-dsl';
import type { ExpressionContext } from '@conveyor/workflow-dsl';
import type { EngineAction, RunSnapshot, StepExecutionSnapshot } from './contracts';
import { contextFromRows, type ContextExtras } from './expression-context';

export interface PlanOptions {
  /** Per-attempt timeout of steps that set none, in ms. */
  defaultTimeoutMs: number;
}

/**
 * The planner's working copy of a run. Every action the planner emits is also applied here, the way the
 * runtime will apply it, so that one planNext call follows its own consequences (a skip propagating down
 * a branch, a foreach finishing at once) and a second call on the applied snapshot finds nothing to do.
 */
export class PlanState {
  readonly actions: EngineAction[] = [];
  private readonly rows = new Map<string, StepExecutionSnapshot>();
  private readonly itemRows = new Map<string, Map<number, StepExecutionSnapshot>>();
  private readonly specs = new Map<string, StepSpec>();
  /** items() in index order, rebuilt after an item of that step changes (foreach steps can be large). */
  private readonly sortedItems = new Map<string, StepExecutionSnapshot[]>();

  constructor(
    readonly definition: WorkflowDefinition,
    readonly snapshot: RunSnapshot,
    readonly options: PlanOptions,
  ) {
    for (const spec of definition.steps) this.specs.set(spec.id, spec);
    for (const row of snapshot.steps) {
      if (row.itemIndex === null) this.rows.set(row.stepId, { ...row });
      else this.itemsOf(row.stepId).set(row.itemIndex, { ...row });
    }
  }

  get steps(): readonly StepSpec[] {
    return this.definition.steps;
  }

  spec(stepId: string): StepSpec | undefined {
    return this.specs.get(stepId);
  }

  /** The row of a plain step or the parent row of a foreach step. */
  row(stepId: string): StepExecutionSnapshot | undefined {
    return this.rows.get(stepId);
  }

  /** The item rows of a foreach step, in item order. */
  items(stepId: string): readonly StepExecutionSnapshot[] {
    let sorted = this.sortedItems.get(stepId);
    if (!sorted) {
      sorted = [...this.itemsOf(stepId).values()].sort((a, b) => (a.itemIndex ?? 0) - (b.itemIndex ?? 0));
      this.sortedItems.set(stepId, sorted);
    }
    return sorted;
  }

  item(stepId: string, index: number): StepExecutionSnapshot | undefined {
    return this.itemsOf(stepId).get(index);
  }

  /** Every row, plain, parent and item. */
  allRows(): StepExecutionSnapshot[] {
    return [...this.rows.values(), ...[...this.itemRows.values()].flatMap((items) => [...items.values()])];
  }

  /** The expression context as of now, including what this plan has already decided. */
  context(extras: ContextExtras = {}): ExpressionContext {
    return contextFromRows(this.snapshot, [...this.rows.values()], extras);
  }

  emit(action: EngineAction): void {
    this.actions.push(action);
    this.apply(action);
  }

  private itemsOf(stepId: string): Map<number, StepExecutionSnapshot> {
    let items = this.itemRows.get(stepId);
    if (!items) {
      items = new Map();
      this.itemRows.set(stepId, items);
    }
    return items;
  }

  private apply(action: EngineAction): void {
    if ('itemIndex' in action && action.itemIndex !== null) this.sortedItems.delete(action.stepId);
    switch (action.kind) {
      case 'queue-step': {
        const row: StepExecutionSnapshot = {
          stepId: action.stepId,
          itemIndex: action.itemIndex,
          attempt: action.attempt,
          status: 'queued',
          input: action.input,
          ...(action.itemIndex === null ? {} : { item: action.item }),
        };
        if (action.itemIndex === null) this.rows.set(action.stepId, row);
        else this.itemsOf(action.stepId).set(action.itemIndex, row);
        return;
      }
      case 'start-foreach':
        this.rows.set(action.stepId, {
          stepId: action.stepId,
          itemIndex: null,
          attempt: 1,
          status: 'running',
          itemCount: action.itemCount,
        });
        return;
      case 'complete-step': {
        const current = this.rows.get(action.stepId);
        this.rows.set(action.stepId, {
          ...(current ?? { stepId: action.stepId, itemIndex: null, attempt: 1 }),
          status: 'succeeded',
          outputs: action.outputs,
        });
        return;
      }
      case 'fail-step': {
        const current = action.itemIndex === null ? this.rows.get(action.stepId) : this.item(action.stepId, action.itemIndex);
        const row: StepExecutionSnapshot = {
          ...(current ?? { stepId: action.stepId, itemIndex: action.itemIndex }),
          attempt: action.attempt,
          status: 'failed',
          error: action.error,
          errorHandled: action.errorHandled,
        };
        if (action.itemIndex === null) this.rows.set(action.stepId, row);
        else this.itemsOf(action.stepId).set(action.itemIndex, row);
        return;
      }
      case 'skip-step':
        this.rows.set(action.stepId, {
          stepId: action.stepId,
          itemIndex: null,
          attempt: 1,
          status: 'skipped',
          skipReason: action.reason,
        });
        return;
      case 'start-workflow':
      case 'finish-run':
      case 'run-waiting':
        return;
      default:
        throw new DomainError('ENGINE_UNKNOWN_ACTION', `unknown engine action ${JSON.stringify(action)}`);
    }
  }
}
