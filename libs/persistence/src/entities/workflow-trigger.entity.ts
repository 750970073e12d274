import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A trigger of the latest revision of a workflow. The scheduler finds due cron triggers by
 * (type, enabled, next_fire_at); event emission finds listeners by (type, event).
 */
@Entity({ name: 'workflow_triggers' })
export class WorkflowTriggerEntity {
  @PrimaryColumn({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @PrimaryColumn({ name: 'trigger_id', type: 'text' })
  triggerId!: string;

  @Column({ type: 'int' })
  revision!: number;

  /** 'manual' | 'cron' | 'event' | 'webhook'. */
  @Column({ type: 'text' })
  type!: string;

  /** The event name, for event triggers. */
  @Column({ type: 'text', nullable: true })
  event!: string | null;

  /** The trigger as declared in the workflow (schedule, time zone, condition, ...). */
  @Column({ type: 'jsonb' })
  spec!: unknown;

  @Column({ name: 'next_fire_at', type: 'timestamptz', nullable: true })
  nextFireAt!: Date | null;

  @Column({ name: 'last_fired_at', type: 'timestamptz', nullable: true })
  lastFiredAt!: Date | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;
}
