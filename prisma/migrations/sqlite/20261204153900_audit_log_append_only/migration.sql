-- The audit log is append-only: who proposed, who confirmed and what the platform answered
-- must never be rewritten. (Hand-written: Prisma's schema language has no triggers.)
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
