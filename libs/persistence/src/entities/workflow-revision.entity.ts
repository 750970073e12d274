import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published, immutable version of a workflow: the YAML as written and its parsed definition. */
@Entity({ name: 'workflow_revisions' })
export class WorkflowRevisionEntity {
  @PrimaryColumn({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @PrimaryColumn({ type: 'int' })
  revision!: number;

  @Column({ type: 'text' })
  yaml!: string;

  /** The parsed WorkflowDefinition (kept so runs never re-parse old YAML with a newer parser). */
  @Column({ type: 'jsonb' })
  definition!: unknown;

  /** Hash of the YAML; publishing identical content again creates no revision. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  /** Set when this revision re-publishes an earlier one (rollback). */
  @Column({ name: 'rolled_back_from', type: 'int', nullable: true })
  rolledBackFrom!: number | null;
}
