import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in session; only the SHA-256 of the bearer token is stored. */
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
}
