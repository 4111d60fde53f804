package cn.deputylink.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.organisation.Township;
import cn.deputylink.shared.AttachmentPolicy;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.Upload;
import cn.deputylink.targets.internal.EvidenceStore;
import cn.deputylink.targets.internal.Measurements;
import cn.deputylink.targets.internal.TargetCalculator;
import cn.deputylink.targets.internal.TargetStore;

/**
 * The township target-management assessment: the rules and marks (read and changed by
 * county admins), a year's ranking (the county admin all rows, a township admin its own
 * row) and manual scores (county admins). Every other role 403. {@link #results(int)} is
 * the unchecked read for other modules.
 */
@Service
public class TownshipTargets {

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final TargetStore store;

	private final Measurements measurements;

	private final EvidenceStore evidence;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	private final long evidenceMaxBytes;

	private final int evidencePerItem;

	TownshipTargets(TargetStore store, Measurements measurements, EvidenceStore evidence, AuditLog audit, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${deputylink.targets.evidence-max-bytes:${deputylink.opinions.attachment-max-bytes:5242880}}") long evidenceMaxBytes,
			@Value("${deputylink.targets.evidence-per-item:10}") int evidencePerItem) {
		this.store = store;
		this.measurements = measurements;
		this.evidence = evidence;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
		this.evidenceMaxBytes = evidenceMaxBytes;
		this.evidencePerItem = evidencePerItem;
	}

	/** Every active township's score, grade and rank of the year (for other modules). */
	@Transactional(readOnly = true)
	public List<TownshipResult> results(int year) {
		return rows(checkYear(year)).stream().map(TownshipRow::result).toList();
	}

	/**
	 * The ranking: all rows for a county admin, the own township's for a township admin.
	 */
	@Transactional(readOnly = true)
	public List<TownshipRow> ranking(@Nullable Integer year, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		List<TownshipRow> rows = rows(year(year));
		if (!u.isCountyAdmin()) {
			Long own = u.townshipId();
			rows = rows.stream().filter(r -> own != null && r.townshipId() == own).toList();
		}
		return rows;
	}

	/** One township's row with its items: 403 for another township, 404 unknown. */
	@Transactional(readOnly = true)
	public TownshipRow township(long townshipId, @Nullable Integer year, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		if (!u.canSeeTownship(townshipId)) {
			throw new AccessDeniedException("not the user's township");
		}
		return rows(year(year)).stream()
			.filter(r -> r.townshipId() == townshipId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("township", townshipId));
	}

	@Transactional(readOnly = true)
	public List<TargetRule> rules(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return store.rules();
	}

	@Transactional(readOnly = true)
	public Marks marks(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return store.marks();
	}

	/**
	 * County admin: changes a rule (400 on a blank name, points outside 0–100, a target
	 * not above 0; 404 unknown code; 409 stale version).
	 */
	@Transactional
	public TargetRule updateRule(String code, String name, @Nullable BigDecimal maxPoints, @Nullable BigDecimal target,
			int position, boolean active, int version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		rule(code);
		if (name.isBlank() || name.length() > 200) {
			throw new InvalidInputException("name", "targets.rule.name");
		}
		if (maxPoints == null || maxPoints.signum() < 0 || maxPoints.compareTo(HUNDRED) > 0 || maxPoints.scale() > 1) {
			throw new InvalidInputException("maxPoints", "targets.rule.points");
		}
		if (target == null || target.signum() <= 0 || target.compareTo(new BigDecimal("100000")) >= 0) {
			throw new InvalidInputException("target", "targets.rule.target");
		}
		store.update(code, name.strip(), maxPoints, target, position, active, version);
		audit.recordForCurrentUser("targets.rule.update", "targets/rule/" + code, name);
		return store.rules().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
	}

	/** County admin: the marks (400 unless 0 ≤ pass ≤ excellent ≤ 100; 409 stale). */
	@Transactional
	public Marks updateMarks(@Nullable BigDecimal excellent, @Nullable BigDecimal pass, int version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		if (pass == null || pass.signum() < 0 || pass.scale() > 1) {
			throw new InvalidInputException("pass", "targets.marks.range");
		}
		if (excellent == null || excellent.compareTo(pass) < 0 || excellent.compareTo(HUNDRED) > 0
				|| excellent.scale() > 1) {
			throw new InvalidInputException("excellent", "targets.marks.range");
		}
		store.saveMarks(excellent, pass, version);
		audit.recordForCurrentUser("targets.marks.update", "targets/marks", excellent + "/" + pass);
		return store.marks();
	}

	/**
	 * County admin: scores a manual item of a township for a year with its evidence (400
	 * for a measured rule, points outside 0–max or more than one decimal, blank evidence;
	 * 404 unknown township or rule).
	 */
	@Transactional
	public TownshipRow scoreManual(long townshipId, int year, String ruleCode, @Nullable BigDecimal points,
			String evidence, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		int y = checkYear(year);
		if (measurements.townships().stream().noneMatch(t -> t.id() == townshipId)) {
			throw new NotFoundException("township", townshipId);
		}
		TargetRule rule = rule(ruleCode);
		if (!rule.manual()) {
			throw new InvalidInputException("ruleCode", "targets.manual.measured");
		}
		if (points == null || points.signum() < 0 || points.compareTo(rule.maxPoints()) > 0 || points.scale() > 1) {
			throw new InvalidInputException("points", "targets.manual.points", rule.maxPoints());
		}
		if (evidence.isBlank() || evidence.length() > 2000) {
			throw new InvalidInputException("evidence", "targets.manual.evidence");
		}
		store.saveManual(y, townshipId, ruleCode, points, evidence.strip(), u.getUsername(), OffsetDateTime.now(clock));
		audit.recordForCurrentUser("targets.manual.score", "targets/" + y + "/township/" + townshipId,
				ruleCode + "=" + points);
		return township(townshipId, y, u);
	}

	/**
	 * Uploads evidence files (photos or PDF documents, recognised by their content) for a
	 * manual item of a township and year: a county admin for any township, a township
	 * admin for its own (403 otherwise); 400 for a measured rule, a file of another type,
	 * a broken image, more than the item's limit of files; 413 for a file too large; 404
	 * unknown township or rule. All or nothing.
	 */
	@Transactional
	public List<EvidenceFile> addEvidence(long townshipId, int year, String ruleCode, List<Upload> files,
			CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		int y = checkYear(year);
		requireTownship(townshipId, u);
		TargetRule rule = rule(ruleCode);
		if (!rule.manual()) {
			throw new InvalidInputException("ruleCode", "targets.manual.measured");
		}
		List<Upload> real = files.stream().filter(f -> f.bytes().length > 0).toList();
		if (real.isEmpty()) {
			throw new InvalidInputException("files", "targets.evidence.none");
		}
		if (evidence.count(townshipId, y, ruleCode) + real.size() > evidencePerItem) {
			throw new InvalidInputException("files", "targets.evidence.tooMany", evidencePerItem);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		record Checked(String name, String type, byte[] bytes) {
		}
		List<Checked> checked = real.stream().map(f -> {
			if (f.bytes().length > evidenceMaxBytes) {
				throw new AttachmentTooLargeException(evidenceMaxBytes / (1024 * 1024));
			}
			String name = AttachmentPolicy.cleanName(f.filename());
			String type = AttachmentPolicy.sniff(f.bytes())
				.filter(t -> !t.startsWith("image/") || AttachmentPolicy.isWholeImage(f.bytes(), t))
				.orElseThrow(() -> new InvalidInputException("files", "targets.evidence.type", name));
			return new Checked(name, type, f.bytes());
		}).toList();
		for (Checked c : checked) {
			evidence.insert(y, townshipId, ruleCode, c.name(), c.type(), c.bytes(), Digests.sha256Hex(c.bytes()),
					u.getUsername(), now);
			audit.recordForCurrentUser("targets.evidence.add", "targets/" + y + "/township/" + townshipId,
					ruleCode + ": " + c.name());
		}
		return evidenceFiles(townshipId, y, u);
	}

	/** A township's evidence files of a year (403 another township's). */
	@Transactional(readOnly = true)
	public List<EvidenceFile> evidenceFiles(long townshipId, @Nullable Integer year, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		requireTownship(townshipId, u);
		return evidence.of(townshipId, year(year));
	}

	/** One evidence file with its bytes (403 another township's, 404 unknown). */
	@Transactional(readOnly = true)
	public EvidenceContent evidenceFile(long townshipId, long fileId, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		requireTownship(townshipId, u);
		EvidenceFile f = evidence.find(townshipId, fileId).orElseThrow(() -> new NotFoundException("evidence", fileId));
		return new EvidenceContent(f, evidence.data(f.id()));
	}

	/** An evidence file and its bytes. */
	public record EvidenceContent(EvidenceFile file, byte[] data) {
	}

	private void requireTownship(long townshipId, CurrentUser u) {
		if (!u.canSeeTownship(townshipId)) {
			throw new AccessDeniedException("not the user's township");
		}
		if (measurements.townships().stream().noneMatch(t -> t.id() == townshipId)) {
			throw new NotFoundException("township", townshipId);
		}
	}

	private TargetRule rule(String ruleCode) {
		return store.rules()
			.stream()
			.filter(r -> r.code().equals(ruleCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("rule", ruleCode));
	}

	/** The year (default: the current one) checked: 400 outside 2000–2100. */
	public int year(@Nullable Integer year) {
		return year == null ? LocalDate.now(clock.withZone(zone)).getYear() : checkYear(year);
	}

	private static int checkYear(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new InvalidInputException("year", "targets.year.range", MIN_YEAR, MAX_YEAR);
		}
		return year;
	}

	private List<TownshipRow> rows(int year) {
		Map<Long, Map<Indicator, BigDecimal>> measured = measurements.measure(year);
		Map<Long, Map<String, TargetCalculator.Manual>> manual = store.manual(year);
		List<TargetCalculator.Input> inputs = measurements.townships()
			.stream()
			.map((Township t) -> new TargetCalculator.Input(t.id(), t.name(), measured.getOrDefault(t.id(), Map.of()),
					manual.getOrDefault(t.id(), Map.of())))
			.toList();
		return TargetCalculator.rank(store.rules(), store.marks(), inputs);
	}

}
