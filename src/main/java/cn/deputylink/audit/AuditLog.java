package cn.deputylink.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;

/**
 * Appends to and searches the audit log. There is deliberately no way to change or delete
 * an entry.
 */
@Service
public class AuditLog {

	/** At least six months, as the issue and level-3 protection ask. */
	static final Duration MIN_RETENTION = Duration.ofDays(183);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	private final AuditWriter writer;

	AuditLog(JdbcClient jdbc, Clock clock, @Value("${deputylink.audit.retention}") Duration retention,
			AuditWriter writer) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.clock = clock;
		if (retention.compareTo(MIN_RETENTION) < 0) {
			throw new IllegalStateException("deputylink.audit.retention must be at least 183 days (six months)");
		}
		this.retention = retention;
	}

	/**
	 * Appends a line. Inside a transaction it is part of it (a look at personal data is
	 * recorded with the change that showed it); outside one, as at the end of a request,
	 * it is committed before this returns, grouped with the lines of concurrent requests
	 * (see {@link AuditWriter}).
	 */
	public void record(String actor, String action, @Nullable String target, String outcome, @Nullable String detail,
			@Nullable String remoteAddr) {
		AuditWriter.Line line = new AuditWriter.Line(OffsetDateTime.now(clock), cut(actor, 64), cut(action, 64),
				truncate(target, 300), cut(outcome, 16), truncate(detail, 1000), truncate(remoteAddr, 64));
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			writer.insert(List.of(line));
		}
		else {
			writer.write(line);
		}
	}

	/**
	 * Records something the signed-in user did or saw, such as viewing a phone number in
	 * full.
	 */
	public void recordForCurrentUser(String action, String target, @Nullable String detail) {
		recordForCurrentUser(action, target, "SUCCESS", detail);
	}

	/** Records a look at personal information that was refused to the signed-in user. */
	public void recordDeniedForCurrentUser(String action, String target, @Nullable String detail) {
		recordForCurrentUser(action, target, "DENIED", detail);
	}

	private void recordForCurrentUser(String action, String target, String outcome, @Nullable String detail) {
		String addr = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest().getRemoteAddr() : null;
		record(CurrentUser.find().map(CurrentUser::getUsername).orElse("anonymous"), action, target, outcome, detail,
				addr);
	}

	/** Search filters; any may be null. */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String outcome,
			@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String q) {
	}

	public List<AuditEvent> search(Filter f, long beforeId, int limit, int offset) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		return jdbc.sql(
				"select id, at, actor, action, target, outcome, detail, remote_addr as remoteAddr from audit_event where "
						+ where(f) + (beforeId > 0 ? " and id < :before" : "")
						+ " order by id desc limit :limit offset :offset")
			.params(params(f))
			.param("before", beforeId)
			.param("limit", limit)
			.param("offset", offset)
			.query(AuditEvent.class)
			.list();
	}

	/**
	 * Actions every log has, whether or not they happened yet; the filter offers these
	 * and any other recorded.
	 */
	private static final List<String> KNOWN_ACTIONS = List.of("LOGIN", "LOGOUT", "POST", "PUT", "PATCH", "DELETE",
			"VIEW_PERSONAL_DATA", "opinion.phone.reveal");

	/** Every action the log holds or may hold, for the search form's choice. */
	public List<String> actions() {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		Set<String> all = new LinkedHashSet<>(KNOWN_ACTIONS);
		all.addAll(jdbc.sql("select distinct action from audit_event order by action").query(String.class).list());
		return List.copyOf(all);
	}

	public int count(Filter f) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		return jdbc.sql("select count(*) from audit_event where " + where(f))
			.params(params(f))
			.query(Integer.class)
			.single();
	}

	private static String where(Filter f) {
		StringBuilder sb = new StringBuilder("1 = 1");
		if (f.actor() != null) {
			sb.append(" and actor = :actor");
		}
		if (f.action() != null) {
			sb.append(" and action = :action");
		}
		if (f.outcome() != null) {
			sb.append(" and outcome = :outcome");
		}
		if (f.from() != null) {
			sb.append(" and at >= :from");
		}
		if (f.to() != null) {
			sb.append(" and at < :to");
		}
		if (f.q() != null) {
			sb.append(" and (lower(target) like :q or lower(detail) like :q)");
		}
		return sb.toString();
	}

	private static Map<String, Object> params(Filter f) {
		var m = new HashMap<String, Object>();
		if (f.actor() != null) {
			m.put("actor", f.actor());
		}
		if (f.action() != null) {
			m.put("action", f.action());
		}
		if (f.outcome() != null) {
			m.put("outcome", f.outcome());
		}
		if (f.from() != null) {
			m.put("from", f.from());
		}
		if (f.to() != null) {
			m.put("to", f.to());
		}
		if (f.q() != null) {
			m.put("q", "%" + f.q().toLowerCase() + "%");
		}
		return m;
	}

	/** Drops entries older than the retention period, daily, on one node. */
	@Scheduled(cron = "0 17 3 * * *")
	@SchedulerLock(name = "purge-audit", lockAtMostFor = "PT30M")
	void purge() {
		purgeBefore(OffsetDateTime.now(clock).minus(retention));
	}

	int purgeBefore(OffsetDateTime cutoff) {
		return jdbc.sql("delete from audit_event where at < :cutoff").param("cutoff", cutoff).update();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	private static @Nullable String truncate(@Nullable String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
