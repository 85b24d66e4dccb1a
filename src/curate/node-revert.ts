/** Reverting an edit of a person or an organization: its fields, its creation, its deletion. */
import { announceChange } from '../changes.js';
import type { Edit, PrismaClient } from '../generated/prisma/client.js';
import type { OrganizationKind } from '../generated/prisma/enums.js';
import { INGEST_LOCK } from '../ingest/write.js';
import { organizationNameKeys, personNameKeys } from '../resolve/names.js';
import { json } from './document.js';
import { CurationInputError, EditConflictError } from './errors.js';

interface NodeFields {
  key: string;
  name: string;
  aliases: string[];
  acronym?: string | null;
  kind?: OrganizationKind;
  parentId?: number | null;
  countryCode?: string | null;
}

export async function revertNodeEdit(prisma: PrismaClient, actor: string, edit: Edit): Promise<number> {
  const type = edit.targetType;
  if (type !== 'Person' && type !== 'Organization')
    throw new CurationInputError('id', `edits of ${type} cannot be reverted`);
  const before = edit.before as unknown as NodeFields | null;
  const after = edit.after as unknown as NodeFields | null;
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)`;
    const current =
      type === 'Person'
        ? await tx.person.findUnique({ where: { key: edit.targetKey }, select: { id: true, version: true } })
        : await tx.organization.findUnique({ where: { key: edit.targetKey }, select: { id: true, version: true } });
    if (after && (!current || current.version !== edit.version)) {
      throw new EditConflictError(
        `${type.toLowerCase()} ${edit.targetKey} (changed since this edit)`,
        edit.version,
        current?.version ?? 0,
      );
    }
    if (!after && current) throw new CurationInputError('id', `a ${type.toLowerCase()} ${edit.targetKey} exists again`);
    let id: number;
    let version: number;
    if (!before) {
      // Undo a creation: only while nothing has come to rely on the node.
      const where = type === 'Person' ? { personId: current?.id } : { organizationId: current?.id };
      if ((await tx.resolution.count({ where })) > 0)
        throw new CurationInputError('id', 'articles name the node by now: it cannot be uncreated');
      id = current?.id as number;
      version = (current?.version ?? 0) + 1;
      if (type === 'Person') await tx.person.delete({ where: { id } });
      else await tx.organization.delete({ where: { id } });
    } else {
      const fields =
        type === 'Person'
          ? { name: before.name, aliases: before.aliases, nameKeys: personNameKeys(before.name, before.aliases) }
          : {
              name: before.name,
              aliases: before.aliases,
              acronym: before.acronym ?? null,
              kind: before.kind as OrganizationKind,
              parentId: before.parentId ?? null,
              countryCode: before.countryCode ?? null,
              nameKeys: organizationNameKeys(before.name, before.acronym, before.aliases),
            };
      const row = current
        ? type === 'Person'
          ? await tx.person.update({ where: { id: current.id }, data: { ...fields, version: { increment: 1 } } })
          : await tx.organization.update({ where: { id: current.id }, data: { ...fields, version: { increment: 1 } } })
        : type === 'Person'
          ? await tx.person.create({ data: { key: before.key, ...fields } })
          : await tx.organization.create({
              data: { key: before.key, ...(fields as Required<typeof fields>), kind: before.kind as OrganizationKind },
            });
      id = row.id;
      version = row.version;
    }
    const revert = await tx.edit.create({
      data: {
        actor,
        operation: 'REVERT',
        targetType: type,
        targetKey: edit.targetKey,
        before: json(after),
        after: json(before),
        version,
        revertsId: edit.id,
      },
      select: { id: true },
    });
    return { editId: revert.id, id };
  });
  announceChange({ kind: 'node', type, id: result.id });
  return result.editId;
}
