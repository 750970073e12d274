import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The append-only history of a run (who did what, when). Ordered by id within a run. */
@Entity({ name: 'run_events' })
export class RunEventEntity {
  /** bigserial: node-postgres returns int8 as a string, so it stays a string here (no precision loss). */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @Column({ name: 'step_execution_id', type: 'uuid', nullable: true })
  stepExecutionId!: string | null;

  @Column({ name: 'step_id', type: 'text', nullable: true })
  stepId!: string | null;

  @Column({ name: 'item_index', type: 'int', nullable: true })
  itemIndex!: number | null;

  @Column({ type: 'int', nullable: true })
  attempt!: number | null;

  /** 'run.queued', 'step.started', ... (RunEventView['type']). */
  @Column({ type: 'text' })
  type!: string;

  /** Who caused it: 'user:<id>', 'scheduler', 'worker:<id>', 'system', ... */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;
}
