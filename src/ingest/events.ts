/**
 * An event's own columns are derived from its reports (EventReport), so that two agencies'
 * accounts make one event and removing one account leaves the other's:
 * - the primary report is the earliest ingested one: it gives the event's article, evidence,
 *   title and kind;
 * - each date is the most precise any report gives (a DAY beats a MONTH), the primary's
 *   among equals;
 * - country, location and parent are the primary's, else the first report's that states one.
 * An event that no report supports any more is deleted.
 */
import type { Prisma } from '../generated/prisma/client.js';
import type { DatePrecision } from '../generated/prisma/enums.js';

type Tx = Prisma.TransactionClient;

const PRECISION_RANK: Record<DatePrecision, number> = { YEAR: 1, MONTH: 2, DAY: 3 };

interface DateFields {
  date: Date | null;
  precision: DatePrecision | null;
  basis: string | null;
}

/** The most precise of the reports' dates; reports come primary first. */
function finest(dates: DateFields[]): DateFields {
  let best: DateFields = { date: null, precision: null, basis: null };
  for (const d of dates) {
    if (!d.date || !d.precision) continue;
    if (!best.precision || PRECISION_RANK[d.precision] > PRECISION_RANK[best.precision]) best = d;
  }
  return best;
}

/** Re-derives the events' columns from their reports; returns the ids of events deleted. */
export async function refreshEvents(tx: Tx, eventIds: Iterable<number>): Promise<number[]> {
  const ids = [...new Set(eventIds)];
  if (ids.length === 0) return [];
  const reports = await tx.eventReport.findMany({
    where: { eventId: { in: ids } },
    orderBy: [{ articleId: 'asc' }, { id: 'asc' }],
  });
  const byEvent = new Map<number, typeof reports>();
  for (const r of reports) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);

  const orphans = ids.filter((id) => !byEvent.has(id));
  if (orphans.length > 0) await tx.event.deleteMany({ where: { id: { in: orphans } } });

  for (const [eventId, list] of byEvent) {
    const primary = list[0] as (typeof list)[number];
    const start = finest(list.map((r) => ({ date: r.startDate, precision: r.startPrecision, basis: r.startBasis })));
    const end = finest(list.map((r) => ({ date: r.endDate, precision: r.endPrecision, basis: r.endBasis })));
    const firstStated = <K extends 'countryCode' | 'location' | 'parentId'>(field: K) =>
      (list.find((r) => r[field] !== null)?.[field] ?? null) as (typeof primary)[K];
    const parentId = firstStated('parentId');
    await tx.event.update({
      where: { id: eventId },
      data: {
        articleId: primary.articleId,
        title: primary.title,
        kind: primary.kind,
        evidenceStart: primary.evidenceStart,
        evidenceEnd: primary.evidenceEnd,
        evidenceText: primary.evidenceText,
        startDate: start.date,
        startPrecision: start.precision,
        startBasis: start.basis,
        endDate: end.date,
        endPrecision: end.precision,
        endBasis: end.basis,
        countryCode: firstStated('countryCode'),
        location: firstStated('location'),
        // An event cannot be its own parent, whatever a report says after a merge.
        parentId: parentId === eventId ? null : parentId,
      },
    });
  }
  return orphans;
}
