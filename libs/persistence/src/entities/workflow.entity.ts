import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A workflow by its id (from the YAML); its content lives in revisions. */
@Entity({ name: 'workflows' })
export class WorkflowEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'latest_revision', type: 'int' })
  latestRevision!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
