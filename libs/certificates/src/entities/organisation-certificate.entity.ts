import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's signing certificate: the PKCS#12 and its password, sealed with AES-256-GCM. */
@Entity('organisation_certificates')
export class OrganisationCertificate {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  /** iv (12) ‖ tag (16) ‖ ciphertext of JSON {p12, password}; the key comes from SIGNING_KEY_SECRET. */
  @Column({ type: 'bytea', select: false })
  sealed: Buffer;

  @Column({ type: 'text' })
  subject: string;

  /** SHA-256 fingerprint of the certificate, shown on the verification page. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'timestamptz' })
  validFrom: Date;

  @Column({ type: 'timestamptz' })
  validTo: Date;

  @Column({ type: 'boolean' })
  selfSigned: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  installedAt: Date;
}
