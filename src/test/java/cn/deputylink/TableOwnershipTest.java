package cn.deputylink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables: it asks the owning module's API.
 * ArchUnit sees classes, not SQL, so this test reads the SQL in each module's sources
 * (every string literal and text block under
 * {@code src/main/java/cn/deputylink/<module>/}) and checks every table named after
 * {@code from}, {@code join}, {@code into}, {@code update} or {@code delete from} against
 * the one map of owners below. Every table the Flyway migrations create must have an
 * owner here, so a new table cannot slip past the rule.
 */
class TableOwnershipTest {

	/** The one place that says which module owns which table. */
	static final Map<String, String> OWNER = Map.ofEntries(
			// account
			Map.entry("app_user", "account"), Map.entry("api_token", "account"),
			Map.entry("password_history", "account"), Map.entry("login_throttle", "account"),
			// Spring Session JDBC: sessions are the account module's, through Spring
			// Session's own API
			Map.entry("spring_session", "account"), Map.entry("spring_session_attributes", "account"),
			// assessment
			Map.entry("assessment_formula", "assessment"),
			// audit
			Map.entry("audit_event", "audit"),
			// briefing
			Map.entry("briefing", "briefing"), Map.entry("briefing_leader", "briefing"),
			Map.entry("briefing_case", "briefing"),
			// targets
			Map.entry("target_rule", "targets"), Map.entry("target_marks", "targets"),
			Map.entry("target_manual_score", "targets"), Map.entry("target_evidence", "targets"),
			// standards
			Map.entry("standard_item", "standards"), Map.entry("standard_settings", "standards"),
			Map.entry("standard_inspection", "standards"), Map.entry("standard_inspection_result", "standards"),
			Map.entry("standard_inspection_photo", "standards"),
			// funding
			Map.entry("funding_budget", "funding"), Map.entry("funding_reward", "funding"),
			Map.entry("funding_expenditure", "funding"), Map.entry("funding_receipt", "funding"),
			Map.entry("funding_lock", "funding"),
			// activity
			Map.entry("activity", "activity"), Map.entry("activity_deputy", "activity"),
			Map.entry("activity_photo", "activity"), Map.entry("poverty_household", "activity"),
			Map.entry("household_pairing", "activity"), Map.entry("obligation_reminder", "activity"),
			// calendar
			Map.entry("calendar_day", "calendar"), Map.entry("calendar_year", "calendar"),
			// duty
			Map.entry("duty_setting", "duty"), Map.entry("duty_day", "duty"), Map.entry("duty_assignment", "duty"),
			Map.entry("duty_reception_opinion", "duty"), Map.entry("duty_unavailability", "duty"),
			Map.entry("duty_swap", "duty"), Map.entry("duty_feed_token", "duty"),
			// notification
			Map.entry("outbox_message", "notification"), Map.entry("inbox_message", "notification"),
			// opinion
			Map.entry("opinion", "opinion"), Map.entry("opinion_deputy", "opinion"),
			Map.entry("opinion_event", "opinion"), Map.entry("opinion_attachment", "opinion"),
			Map.entry("opinion_idempotency", "opinion"), Map.entry("routing_rule", "opinion"),
			Map.entry("opinion_proposal_link", "opinion"), Map.entry("stat_opinion", "statistics"),
			Map.entry("stat_opinion_deputy", "statistics"), Map.entry("stat_activity", "statistics"),
			Map.entry("stat_activity_deputy", "statistics"), Map.entry("stat_day", "statistics"),
			Map.entry("stat_reconciliation", "statistics"), Map.entry("stat_opinion_month", "statistics"),
			Map.entry("stat_month", "statistics"), Map.entry("stat_handling_month", "statistics"),
			// organisation
			Map.entry("township", "organisation"), Map.entry("village", "organisation"),
			Map.entry("station", "organisation"), Map.entry("station_village", "organisation"),
			Map.entry("deputy", "organisation"), Map.entry("deputy_level", "organisation"),
			Map.entry("deputy_station", "organisation"), Map.entry("category", "organisation"),
			Map.entry("department", "organisation"), Map.entry("department_category", "organisation"),
			// performance
			Map.entry("points_rule", "performance"), Map.entry("points_publication", "performance"),
			Map.entry("points_publication_row", "performance"),
			// proposal
			Map.entry("proposal", "proposal"), Map.entry("proposal_result_class", "proposal"),
			Map.entry("proposal_number", "proposal"), Map.entry("proposal_co_signer", "proposal"),
			Map.entry("proposal_opinion", "proposal"), Map.entry("proposal_unit", "proposal"),
			Map.entry("proposal_timeline", "proposal"), Map.entry("proposal_attachment", "proposal"),
			// shared: rate limits, and ShedLock's leases (written by the library only)
			Map.entry("rate_limit", "shared"), Map.entry("shedlock", "shared"),
			// Spring Modulith's event publication registry: written by the library only
			Map.entry("event_publication", "shared"), Map.entry("event_publication_archive", "shared"));

	/**
	 * Cross-module statements known and being removed elsewhere: "module -> table". Each
	 * entry is a debt with an owner, never a permission; the list must shrink to empty.
	 */
	static final Set<String> KNOWN_PENDING = Set.of();

	private static final Path SOURCES = Path.of("src", "main", "java", "cn", "deputylink");

	private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

	private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern STATEMENT = Pattern
		.compile("\\b(?:from|join|into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	private static final Pattern CREATE = Pattern
		.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	private static final Pattern DROP = Pattern.compile("drop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
		assertThat(new TreeSet<>(OWNER.keySet())).as("declare the owner of each new table in TableOwnershipTest.OWNER")
			.containsAll(createdTables());
	}

	@Test
	void noModuleTouchesAnotherModulesTables() throws IOException {
		assertThat(violations(SOURCES)).as("""
				a module names another module's table in its SQL: ask the owning module's API instead \
				(owners in TableOwnershipTest.OWNER)""").isEmpty();
	}

	/**
	 * "module/File.java -> table (owned by x)" for every statement outside its module's
	 * tables.
	 */
	static List<String> violations(Path sources) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> modules = Files.list(sources)) {
			for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
				String name = module.getFileName().toString();
				try (Stream<Path> files = Files.walk(module)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
						for (String table : tablesNamedIn(Files.readString(file))) {
							String owner = OWNER.get(table);
							if (owner != null && !owner.equals(name)
									&& !KNOWN_PENDING.contains(name + " -> " + table)) {
								found.add(name + "/" + module.relativize(file) + " -> " + table + " (owned by " + owner
										+ ")");
							}
						}
					}
				}
			}
		}
		return found;
	}

	static Set<String> tablesNamedIn(String source) {
		Set<String> tables = new TreeSet<>();
		Matcher literal = LITERAL.matcher(source);
		while (literal.find()) {
			String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
			Matcher statement = STATEMENT.matcher(text);
			while (statement.find()) {
				tables.add(statement.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static Set<String> createdTables() throws IOException {
		Set<String> created = new TreeSet<>();
		Set<String> dropped = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				String sql = Files.readString(file);
				Matcher m = CREATE.matcher(sql);
				while (m.find()) {
					created.add(m.group(1).toLowerCase(Locale.ROOT));
				}
				Matcher d = DROP.matcher(sql);
				while (d.find()) {
					dropped.add(d.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		// a table dropped by a later migration (job_lock, by V11) is gone
		created.removeAll(dropped);
		return created;
	}

}
