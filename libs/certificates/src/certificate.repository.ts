import type { EntityManager } from 'typeorm';
import { OrganisationCertificate } from './entities/organisation-certificate.entity';

/** The SHA-256 fingerprint of the certificate the organisation has installed now, or null. */
export async function installedCertificateFingerprint(
  manager: EntityManager,
  organisationId: string,
): Promise<string | null> {
  const installed = await manager.findOne(OrganisationCertificate, {
    where: { organisationId },
    select: { organisationId: true, fingerprint: true },
  });
  return installed?.fingerprint ?? null;
}
