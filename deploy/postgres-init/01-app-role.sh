#!/bin/sh
# Runs once, when the Postgres volume is first initialised. The app connects as this role, which owns nothing:
# the web and worker processes apply migrations and grant it its rights as the owner (DATABASE_OWNER_URL), so the
# app itself cannot update, delete or truncate the audit log (README, "Security model").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE fedimod_app LOGIN PASSWORD :'app_password';
SQL
