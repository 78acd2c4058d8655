import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A command already answered: a repeat with the same key gets the stored answer, the same key
 * with another request gets 422. Written in the command's own transaction, so a failed
 * command leaves no key behind.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of the method, path and canonical body. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
