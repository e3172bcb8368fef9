/** Shared pieces of the dashboard's SQL: the visible-instance filter and UTC day labels. */
import { Prisma } from '@/lib/generated/prisma/client';

/** `and <column> = any(ids)` for a limited actor; nothing for one who sees every instance. */
export function instanceFilter(column: Prisma.Sql, ids: string[] | null): Prisma.Sql {
  return ids === null ? Prisma.empty : Prisma.sql`and ${column} = any(${ids}::uuid[])`;
}

/** The columns are timestamp(3) without time zone holding UTC (Prisma's convention), hence text in and out. */
export function ts(d: Date): Prisma.Sql {
  return Prisma.sql`${d.toISOString()}::timestamp`;
}

export function dayOf(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(date_trunc('day', ${column}), 'YYYY-MM-DD')`;
}

export function isoOf(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
