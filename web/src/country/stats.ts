/** The country page's numbers (the API's `statementStats`), as bars. */
import { graphql } from '../api.js';
import { countryStatsQuery } from '../queries.js';
import type { Bucket } from '../url-state.js';

interface Group {
  count: number;
  period?: string | null;
  periodEnd?: string | null;
  speaker?: { name: string } | null;
}
interface Stats {
  total: number;
  truncated: boolean;
  groups: Group[];
}

/** How a bucket's first day reads: "2022-01-10", "week of 2022-01-10", "2022-01", "2022". */
export function periodLabel(period: string | null | undefined, bucket: Bucket): string {
  if (!period) return 'date unknown';
  if (bucket === 'YEAR') return period.slice(0, 4);
  if (bucket === 'MONTH') return period.slice(0, 7);
  if (bucket === 'WEEK') return `week of ${period}`;
  return period;
}

export async function countryStats(where: Record<string, unknown>, bucket: Bucket) {
  const { timeline, bySpeaker } = await graphql<{ timeline: Stats; bySpeaker: Stats }>(countryStatsQuery, {
    where,
    bucket,
  });
  return {
    total: timeline.total,
    truncated: timeline.truncated || bySpeaker.truncated,
    timeline: {
      labels: timeline.groups.map((g) => periodLabel(g.period, bucket)),
      values: timeline.groups.map((g) => g.count),
    },
    speakers: {
      labels: bySpeaker.groups.map((g) => g.speaker?.name ?? 'unknown speaker'),
      values: bySpeaker.groups.map((g) => g.count),
    },
  };
}
