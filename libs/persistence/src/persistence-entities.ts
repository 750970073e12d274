import { RunEventEntity } from './entities/run-event.entity';
import { RunEntity } from './entities/run.entity';
import { StepExecutionEntity } from './entities/step-execution.entity';
import { WorkflowRevisionEntity } from './entities/workflow-revision.entity';
import { WorkflowTriggerEntity } from './entities/workflow-trigger.entity';
import { WorkflowEntity } from './entities/workflow.entity';

/** Every entity the DataSource knows. The tables themselves are made by the migrations. */
export const PERSISTENCE_ENTITIES = [
  WorkflowEntity,
  WorkflowRevisionEntity,
  WorkflowTriggerEntity,
  RunEntity,
  StepExecutionEntity,
  RunEventEntity,
];
