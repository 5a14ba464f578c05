#!/bin/sh
echo "the schema-engine binary is not available offline; use npm run db:migrate:new / db:diff" >&2
exit 1
