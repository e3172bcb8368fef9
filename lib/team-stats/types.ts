/** The leads' dashboard figures (lib/team-stats/team-stats.ts), as the /team page and GET /api/team/stats get them. */
export const STATS_PERIODS = [7, 30, 90] as const;
export type StatsDays = (typeof STATS_PERIODS)[number];

export interface InstanceBacklog {
  instanceId: string;
  name: string;
  kind: string;
  open: number;
  /** When the oldest open report was made on its server (ISO), null when none is open. */
  oldestOpenAt: string | null;
}

export interface ModeratorDecisions {
  userId: string;
  label: string;
  total: number;
  /** Reports closed (resolved or rejected) among the decisions. */
  resolves: number;
  /** One entry per day of the period, zero-filled, oldest first. */
  perDay: number[];
}

export interface AutoManualDay { day: string; automated: number; manual: number }

export interface FirstActionDay { day: string; count: number; medianSeconds: number | null; p90Seconds: number | null }

export interface TeamStats {
  days: StatsDays;
  /** The UTC days of the period, 'YYYY-MM-DD', oldest first; every per-day list follows this order. */
  dayList: string[];
  perInstance: InstanceBacklog[];
  decisions: { moderators: ModeratorDecisions[]; perDay: { day: string; decisions: number; resolves: number }[] };
  autoManual: { automated: number; manual: number; perDay: AutoManualDay[] };
  firstAction: { count: number; medianSeconds: number | null; p90Seconds: number | null; perDay: FirstActionDay[] };
  received: { day: string; received: number }[];
}
