/**
 * Curation of persons and organizations themselves: their names, aliases, acronym, kind,
 * parent and country. Ingestion never overwrites these (it only adds aliases), so an edit
 * stays. Each edit checks the node's version, bumps it, and is recorded with the node's fields
 * before and after; a node that articles still support cannot be deleted.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { announceChange } from '../changes.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { OrganizationKind } from '../generated/prisma/enums.js';
import { INGEST_LOCK } from '../ingest/write.js';
import { organizationNameKeys, personNameKeys } from '../resolve/names.js';
import { json } from './document.js';
import { CurationInputError, EditConflictError } from './errors.js';
import { freeLocalKey, nodeOf } from './references.js';

type Tx = Prisma.TransactionClient;

export interface NodeEdit {
  type: 'Person' | 'Organization';
  id: number;
  editId: number;
}

const PERSON_FIELDS = { id: true, key: true, name: true, aliases: true, version: true } as const;
const ORGANIZATION_FIELDS = {
  id: true,
  key: true,
  name: true,
  acronym: true,
  aliases: true,
  kind: true,
  parentId: true,
  countryCode: true,
  version: true,
} as const;

/** A serialized write of one node, recorded as an edit. */
async function nodeTransaction(prisma: PrismaClient, fn: (tx: Tx) => Promise<NodeEdit>): Promise<NodeEdit> {
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)`;
    return fn(tx);
  });
  announceChange({ kind: 'node', type: result.type, id: result.id });
  return result;
}

const record = (
  tx: Tx,
  actor: string,
  operation: string,
  targetType: string,
  targetKey: string,
  before: unknown,
  after: unknown,
  version: number,
  revertsId?: number,
) =>
  tx.edit.create({
    data: { actor, operation, targetType, targetKey, before: json(before), after: json(after), version, revertsId },
    select: { id: true },
  });

const checkVersion = (target: string, expected: number, current: number) => {
  if (expected !== current) throw new EditConflictError(target, expected, current);
};

export interface PersonFields {
  name?: string | null;
  aliases?: string[] | null;
}

export async function createPerson(prisma: PrismaClient, actor: string, input: PersonFields & { key?: string | null }) {
  if (!input.name?.trim()) throw new CurationInputError('name', 'a person needs a name');
  const name = input.name.trim();
  const aliases = input.aliases ?? [];
  return nodeTransaction(prisma, async (tx) => {
    const taken = new Set(
      (
        await tx.person.findMany({ where: { key: { startsWith: input.key ?? slug(name) } }, select: { key: true } })
      ).map((p) => p.key),
    );
    const key = freeLocalKey(taken, input.key ?? slug(name));
    const person = await tx.person.create({
      data: { key, name, aliases, nameKeys: personNameKeys(name, aliases) },
      select: PERSON_FIELDS,
    });
    const edit = await record(tx, actor, 'CREATE_PERSON', 'Person', key, null, person, person.version);
    return { type: 'Person', id: person.id, editId: edit.id };
  });
}

export async function updatePerson(
  prisma: PrismaClient,
  actor: string,
  input: PersonFields & { id: string; expectedVersion: number },
) {
  const node = await nodeOf(prisma, 'id', input.id, ['Person']);
  return nodeTransaction(prisma, async (tx) => {
    const before = await tx.person.findUniqueOrThrow({ where: { id: node.id as number }, select: PERSON_FIELDS });
    checkVersion(`person ${before.key}`, input.expectedVersion, before.version);
    const name = input.name?.trim() || before.name;
    const aliases = input.aliases ?? before.aliases;
    const after = await tx.person.update({
      where: { id: before.id },
      data: { name, aliases, nameKeys: personNameKeys(name, aliases), version: { increment: 1 } },
      select: PERSON_FIELDS,
    });
    const edit = await record(tx, actor, 'UPDATE_PERSON', 'Person', before.key, before, after, after.version);
    return { type: 'Person', id: before.id, editId: edit.id };
  });
}

export interface OrganizationFields {
  name?: string | null;
  acronym?: string | null;
  aliases?: string[] | null;
  kind?: OrganizationKind | null;
  parent?: string | null;
  country?: string | null;
}

async function organizationData(prisma: PrismaClient, f: OrganizationFields, selfId?: number) {
  const data: Prisma.OrganizationUncheckedUpdateInput = {};
  if (f.parent !== undefined) {
    const parent = f.parent === null ? null : await nodeOf(prisma, 'parent', f.parent, ['Organization']);
    if (parent && parent.id === selfId)
      throw new CurationInputError('parent', 'an organization cannot be its own parent');
    data.parentId = parent ? (parent.id as number) : null;
  }
  if (f.country !== undefined) {
    data.countryCode =
      f.country === null
        ? null
        : ((await nodeOf(prisma, 'country', encodeGlobalID('Country', f.country.toUpperCase()), ['Country']))
            .id as string);
  }
  if (f.kind) data.kind = f.kind;
  if (f.acronym !== undefined) data.acronym = f.acronym;
  return data;
}

export async function createOrganization(
  prisma: PrismaClient,
  actor: string,
  input: OrganizationFields & { key?: string | null },
) {
  if (!input.name?.trim() || !input.kind)
    throw new CurationInputError('input', 'an organization needs a name and a kind');
  const name = input.name.trim();
  const aliases = input.aliases ?? [];
  const data = await organizationData(prisma, input);
  return nodeTransaction(prisma, async (tx) => {
    const taken = new Set(
      (
        await tx.organization.findMany({
          where: { key: { startsWith: input.key ?? slug(name) } },
          select: { key: true },
        })
      ).map((o) => o.key),
    );
    const key = freeLocalKey(taken, input.key ?? slug(name));
    const organization = await tx.organization.create({
      data: {
        key,
        name,
        aliases,
        kind: input.kind as OrganizationKind,
        acronym: input.acronym ?? null,
        parentId: (data.parentId as number | null | undefined) ?? null,
        countryCode: (data.countryCode as string | null | undefined) ?? null,
        nameKeys: organizationNameKeys(name, input.acronym, aliases),
      },
      select: ORGANIZATION_FIELDS,
    });
    const edit = await record(
      tx,
      actor,
      'CREATE_ORGANIZATION',
      'Organization',
      key,
      null,
      organization,
      organization.version,
    );
    return { type: 'Organization', id: organization.id, editId: edit.id };
  });
}

export async function updateOrganization(
  prisma: PrismaClient,
  actor: string,
  input: OrganizationFields & { id: string; expectedVersion: number },
) {
  const node = await nodeOf(prisma, 'id', input.id, ['Organization']);
  const data = await organizationData(prisma, input, node.id as number);
  return nodeTransaction(prisma, async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: node.id as number },
      select: ORGANIZATION_FIELDS,
    });
    checkVersion(`organization ${before.key}`, input.expectedVersion, before.version);
    const name = input.name?.trim() || before.name;
    const aliases = input.aliases ?? before.aliases;
    const acronym = input.acronym !== undefined ? input.acronym : before.acronym;
    const after = await tx.organization.update({
      where: { id: before.id },
      data: {
        ...data,
        name,
        aliases,
        nameKeys: organizationNameKeys(name, acronym, aliases),
        version: { increment: 1 },
      },
      select: ORGANIZATION_FIELDS,
    });
    const edit = await record(
      tx,
      actor,
      'UPDATE_ORGANIZATION',
      'Organization',
      before.key,
      before,
      after,
      after.version,
    );
    return { type: 'Organization', id: before.id, editId: edit.id };
  });
}

/** Deletes a node no article supports and nothing points at (a curator's own creation, say). */
export async function deleteNode(
  prisma: PrismaClient,
  actor: string,
  input: { id: string; expectedVersion: number },
  type: 'Person' | 'Organization',
) {
  const node = await nodeOf(prisma, 'id', input.id, [type]);
  return nodeTransaction(prisma, async (tx) => {
    const id = node.id as number;
    const before =
      type === 'Person'
        ? await tx.person.findUniqueOrThrow({ where: { id }, select: PERSON_FIELDS })
        : await tx.organization.findUniqueOrThrow({ where: { id }, select: ORGANIZATION_FIELDS });
    checkVersion(`${type.toLowerCase()} ${before.key}`, input.expectedVersion, before.version);
    const where = type === 'Person' ? { personId: id } : { organizationId: id };
    const supporting = await tx.resolution.count({ where });
    if (supporting > 0) {
      throw new CurationInputError(
        'id',
        `${supporting} article${supporting === 1 ? '' : 's'} still name it: edit or replace them first (or merge it into another node)`,
      );
    }
    const children = type === 'Organization' ? await tx.organization.count({ where: { parentId: id } }) : 0;
    if (children > 0) throw new CurationInputError('id', `${children} organizations have it as their parent`);
    if (type === 'Person') await tx.person.delete({ where: { id } });
    else await tx.organization.delete({ where: { id } });
    const edit = await record(
      tx,
      actor,
      `DELETE_${type.toUpperCase()}`,
      type,
      before.key,
      before,
      null,
      before.version + 1,
    );
    return { type, id, editId: edit.id };
  });
}

export const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'node';
