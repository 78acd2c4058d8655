import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { createSelfSignedP12, loadSigningIdentity, type SigningIdentity } from '@saraban/signing';
import { CertificateView } from './certificate.view';
import { OrganisationCertificate } from './entities/organisation-certificate.entity';
import { seal, sealingKey, unseal } from './sealing.util';

/** Keeps each organisation's signing certificate sealed at rest and opens it for the signer. */
@Injectable()
export class CertificateService {
  private readonly key: Buffer;
  /** Opening a PKCS#12 costs milliseconds; identities are kept per organisation and installation. */
  private readonly identities = new Map<string, { installedAt: number; identity: SigningIdentity }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = sealingKey(config.SIGNING_KEY_SECRET);
  }

  /** Checks the file opens with the password and holds a matching key and certificate, then stores it. */
  async install(organisationId: string, p12: Buffer, password: string): Promise<CertificateView> {
    const identity = loadSigningIdentity(p12, password);
    const cert = identity.certificate;
    const row: OrganisationCertificate = {
      organisationId,
      sealed: seal(this.key, Buffer.from(JSON.stringify({ p12: p12.toString('base64'), password }))),
      subject: cert.subject,
      fingerprint: cert.fingerprint256,
      validFrom: new Date(cert.validFrom),
      validTo: new Date(cert.validTo),
      selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
      installedAt: new Date(),
    };
    await this.db.getRepository(OrganisationCertificate).save(row);
    this.identities.delete(organisationId);
    return this.info(organisationId) as Promise<CertificateView>;
  }

  /** For the demo and tests: a self-signed certificate in the organisation's name. */
  async installSelfSigned(organisationId: string, organisationName: string): Promise<CertificateView> {
    const password = 'self-signed';
    const p12 = createSelfSignedP12({
      commonName: organisationName,
      organisation: organisationName,
      password,
    });
    return this.install(organisationId, p12, password);
  }

  /** What the organisation's certificate says of itself (never the key); null before one is installed. */
  async info(organisationId: string): Promise<CertificateView | null> {
    const c = await this.db.getRepository(OrganisationCertificate).findOne({ where: { organisationId } });
    return c
      ? {
          subject: c.subject,
          fingerprint: c.fingerprint,
          validFrom: c.validFrom,
          validTo: c.validTo,
          selfSigned: c.selfSigned,
          installedAt: c.installedAt,
        }
      : null;
  }

  async identity(organisationId: string): Promise<SigningIdentity> {
    const row = await this.db
      .getRepository(OrganisationCertificate)
      .createQueryBuilder('c')
      .addSelect('c.sealed')
      .where('c.organisationId = :organisationId', { organisationId })
      .getOne();
    if (!row) throw new AppException(ErrorCode.SigningCertificateMissing);
    const cached = this.identities.get(organisationId);
    if (cached && cached.installedAt === row.installedAt.getTime()) return cached.identity;
    const { p12, password } = JSON.parse(unseal(this.key, row.sealed).toString('utf8')) as {
      p12: string;
      password: string;
    };
    const identity = loadSigningIdentity(Buffer.from(p12, 'base64'), password);
    this.identities.set(organisationId, { installedAt: row.installedAt.getTime(), identity });
    return identity;
  }
}
