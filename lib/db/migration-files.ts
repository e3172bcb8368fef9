import fs from 'node:fs';
import path from 'node:path';

export interface MigrationDir {
  name: string;
  sql: string;
}

/** Migrations in Prisma's layout: prisma/migrations/<timestamp>_<name>/migration.sql, in name order. */
export function readMigrationDirs(dir: string): MigrationDir[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
}
