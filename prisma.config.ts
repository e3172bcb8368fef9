import { defineConfig } from 'prisma/config';

// Prisma 7 reads the schema location here. The app connects through @prisma/adapter-pg (lib/db),
// so no URL is needed for `prisma generate`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
