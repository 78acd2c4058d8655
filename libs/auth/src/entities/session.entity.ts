import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed-in session; only the SHA-256 of the bearer token is stored. It ends at `expiresAt`
 * (absolute timeout) or SESSION_IDLE_MINUTES after `lastUsedAt` (idle timeout), whichever comes
 * first; the browser and address it was opened from are shown to its owner.
 */
@Entity('sessions')
@Index(['personId'])
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Moved forward by requests, at most once a minute. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  /** The User-Agent the session was opened with (cut to 512 characters). */
  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  /** The client address it was opened from. */
  @Column({ type: 'text', nullable: true })
  address: string | null;
}
