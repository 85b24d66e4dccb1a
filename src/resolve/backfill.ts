/**
 * Fills `nameKeys` for persons and organizations written before resolution existed (or by
 * anything that did not compute them), so that resolution can find them by name. A no-op,
 * one indexed query per table, when every row has its keys.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import { organizationNameKeys, personNameKeys } from './names.js';

const BATCH = 1000;

export async function backfillNameKeys(prisma: PrismaClient): Promise<number> {
  let updated = 0;
  for (;;) {
    const persons = await prisma.person.findMany({
      where: { nameKeys: { isEmpty: true } },
      select: { id: true, name: true, aliases: true },
      take: BATCH,
    });
    if (persons.length === 0) break;
    await prisma.$transaction(
      persons.map((p) =>
        prisma.person.update({ where: { id: p.id }, data: { nameKeys: personNameKeys(p.name, p.aliases) } }),
      ),
    );
    updated += persons.length;
  }
  for (;;) {
    const organizations = await prisma.organization.findMany({
      where: { nameKeys: { isEmpty: true } },
      select: { id: true, name: true, acronym: true, aliases: true },
      take: BATCH,
    });
    if (organizations.length === 0) break;
    await prisma.$transaction(
      organizations.map((o) =>
        prisma.organization.update({
          where: { id: o.id },
          data: { nameKeys: organizationNameKeys(o.name, o.acronym, o.aliases) },
        }),
      ),
    );
    updated += organizations.length;
  }
  return updated;
}
