-- The queue's search reads names and titles as people type them: case, accents, both apostrophes and
-- repeated spaces do not matter. The database computes the normalised text itself (translate and lower are
-- immutable, unlike unaccent, which PGlite does not ship), so every write keeps it, the seeds and the bench
-- included. The same rule in TypeScript: app/domain/search-text.ts; the expression is repeated as the
-- columns' dbgenerated default in schema.prisma, which is how Prisma reads a generated column.

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "searchName" TEXT GENERATED ALWAYS AS (btrim(regexp_replace(lower(translate(name, 'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝŸýÿŒÆ’‘ʼ  '::text, 'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooouuuuuuuuyyyyœæ''''''  '::text)), '\s+'::text, ' '::text, 'g'::text))) STORED;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN "searchTitle" TEXT GENERATED ALWAYS AS (btrim(regexp_replace(lower(translate(title, 'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝŸýÿŒÆ’‘ʼ  '::text, 'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooouuuuuuuuyyyyœæ''''''  '::text)), '\s+'::text, ' '::text, 'g'::text))) STORED;
