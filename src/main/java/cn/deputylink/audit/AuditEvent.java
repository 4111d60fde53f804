package cn.deputylink.audit;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One line of the audit log. */
public record AuditEvent(long id, OffsetDateTime at, String actor, String action, @Nullable String target,
		String outcome, @Nullable String detail, @Nullable String remoteAddr) {
}
