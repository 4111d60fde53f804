package cn.deputylink.funding.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import cn.deputylink.funding.Purpose;
import cn.deputylink.funding.Receipt;
import cn.deputylink.funding.RewardStatus;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.targets.Grade;

/**
 * The tables {@code funding_budget}, {@code funding_reward}, {@code funding_expenditure},
 * {@code funding_receipt} and {@code funding_lock}.
 */
@Component
public class FundingStore {

	/** A budget row as stored. */
	public record BudgetRow(long townshipId, int year, BigDecimal amount, @Nullable String note, int version) {
	}

	/** A reward row as stored (the township's name comes from the registry). */
	public record RewardRow(long id, long townshipId, int year, BigDecimal amount, BigDecimal basisScore,
			Grade basisGrade, int basisRank, RewardStatus status, String proposedBy, OffsetDateTime proposedAt,
			@Nullable String decidedBy, @Nullable OffsetDateTime decidedAt, @Nullable String note, int version) {
	}

	/** An expenditure row as stored. */
	public record ExpenditureRow(long id, long townshipId, @Nullable Long stationId, LocalDate spentOn,
			BigDecimal amount, Purpose purpose, String description, @Nullable String payee, String bookedBy,
			OffsetDateTime bookedAt, boolean voided, @Nullable String voidReason, @Nullable String voidedBy,
			@Nullable OffsetDateTime voidedAt, int version) {
	}

	private static final String REWARD_COLUMNS = "id, township_id, reward_year, amount, basis_score, basis_grade, "
			+ "basis_rank, status, proposed_by, proposed_at, decided_by, decided_at, note, version";

	private static final String EXPENDITURE_COLUMNS = "id, township_id, station_id, spent_on, amount, purpose, "
			+ "description, payee, booked_by, booked_at, voided, void_reason, voided_by, voided_at, version";

	private static final String RECEIPT_COLUMNS = "id, expenditure_id, filename, content_type, size_bytes, sha256, created_at";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final RowMapper<RewardRow> rewardRow;

	private final RowMapper<ExpenditureRow> expenditureRow;

	private final RowMapper<Receipt> receiptRow;

	FundingStore(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.rewardRow = (rs, n) -> new RewardRow(rs.getLong(1), rs.getLong(2), rs.getInt(3),
				rs.getBigDecimal(4).setScale(2), rs.getBigDecimal(5).setScale(1), Grade.valueOf(rs.getString(6)),
				rs.getInt(7), RewardStatus.valueOf(rs.getString(8)), rs.getString(9),
				time(rs.getObject(10, OffsetDateTime.class)), rs.getString(11),
				timeOrNull(rs.getObject(12, OffsetDateTime.class)), rs.getString(13), rs.getInt(14));
		this.expenditureRow = (rs, n) -> {
			long station = rs.getLong(3);
			Long stationId = rs.wasNull() ? null : station;
			return new ExpenditureRow(rs.getLong(1), rs.getLong(2), stationId, rs.getObject(4, LocalDate.class),
					rs.getBigDecimal(5).setScale(2), Purpose.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
					rs.getString(9), time(rs.getObject(10, OffsetDateTime.class)), rs.getBoolean(11), rs.getString(12),
					rs.getString(13), timeOrNull(rs.getObject(14, OffsetDateTime.class)), rs.getInt(15));
		};
		this.receiptRow = (rs, n) -> new Receipt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getLong(5), rs.getString(6), time(rs.getObject(7, OffsetDateTime.class)));
	}

	private OffsetDateTime time(OffsetDateTime t) {
		return t.atZoneSameInstant(zone).toOffsetDateTime();
	}

	private @Nullable OffsetDateTime timeOrNull(@Nullable OffsetDateTime t) {
		return t == null ? null : time(t);
	}

	public boolean holdsNothing() {
		return jdbc
			.sql("select (select count(*) from funding_budget) + (select count(*) from funding_reward)"
					+ " + (select count(*) from funding_expenditure)")
			.query(Long.class)
			.single() == 0;
	}

	// ------------------------------------------------------------------ budgets

	public Map<Long, BudgetRow> budgets(int year) {
		Map<Long, BudgetRow> out = new HashMap<>();
		jdbc.sql("select township_id, budget_year, amount, note, version from funding_budget where budget_year = :y")
			.param("y", year)
			.query((rs, n) -> new BudgetRow(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3).setScale(2),
					rs.getString(4), rs.getInt(5)))
			.list()
			.forEach(b -> out.put(b.townshipId(), b));
		return out;
	}

	/**
	 * Sets a budget: inserts it when {@code version} is 0 and there is none, updates it
	 * when it still has {@code version}; 409 otherwise.
	 */
	public void saveBudget(long townshipId, int year, BigDecimal amount, @Nullable String note, int version, String by,
			OffsetDateTime at) {
		int n;
		if (version == 0) {
			n = jdbc.sql("""
					insert into funding_budget (township_id, budget_year, amount, note, version, updated_by, updated_at)
					values (:t, :y, :a, :note, 1, :by, :at) on conflict do nothing
					""")
				.param("t", townshipId)
				.param("y", year)
				.param("a", amount)
				.param("note", note)
				.param("by", by)
				.param("at", at)
				.update();
		}
		else {
			n = jdbc.sql("""
					update funding_budget set amount = :a, note = :note, version = version + 1, updated_by = :by,
					       updated_at = :at
					where township_id = :t and budget_year = :y and version = :v
					""")
				.param("t", townshipId)
				.param("y", year)
				.param("a", amount)
				.param("note", note)
				.param("by", by)
				.param("at", at)
				.param("v", version)
				.update();
		}
		if (n == 0) {
			throw new ConflictException("funding.budget.changed");
		}
	}

	// ------------------------------------------------------------------ rewards

	public List<RewardRow> rewards(int year, @Nullable Long townshipId) {
		return jdbc
			.sql("select " + REWARD_COLUMNS + " from funding_reward where reward_year = :y"
					+ (townshipId == null ? "" : " and township_id = :t") + " order by basis_rank, township_id")
			.param("y", year)
			.params(townshipId == null ? Map.of() : Map.of("t", townshipId))
			.query(rewardRow)
			.list();
	}

	public Optional<RewardRow> reward(long id) {
		return jdbc.sql("select " + REWARD_COLUMNS + " from funding_reward where id = :id")
			.param("id", id)
			.query(rewardRow)
			.optional();
	}

	/** Township id → the sum of its APPROVED rewards of the year. */
	public Map<Long, BigDecimal> approvedRewards(int year) {
		Map<Long, BigDecimal> out = new HashMap<>();
		jdbc.sql("select township_id, sum(amount) from funding_reward where reward_year = :y and status = 'APPROVED'"
				+ " group by township_id")
			.param("y", year)
			.query(rs -> {
				out.put(rs.getLong(1), rs.getBigDecimal(2).setScale(2));
			});
		return out;
	}

	public int deleteProposed(int year) {
		return jdbc.sql("delete from funding_reward where reward_year = :y and status = 'PROPOSED'")
			.param("y", year)
			.update();
	}

	public void insertReward(long townshipId, int year, BigDecimal amount, BigDecimal score, Grade grade, int rank,
			String by, OffsetDateTime at) {
		jdbc.sql("""
				insert into funding_reward (township_id, reward_year, amount, basis_score, basis_grade, basis_rank,
				       status, proposed_by, proposed_at, version)
				values (:t, :y, :a, :s, :g, :r, 'PROPOSED', :by, :at, 0) on conflict do nothing
				""")
			.param("t", townshipId)
			.param("y", year)
			.param("a", amount)
			.param("s", score)
			.param("g", grade.name())
			.param("r", rank)
			.param("by", by)
			.param("at", at)
			.update();
	}

	/** Decides a PROPOSED reward still at {@code version}; 409 otherwise. */
	public void decide(long id, RewardStatus status, BigDecimal amount, @Nullable String note, int version, String by,
			OffsetDateTime at) {
		int n = jdbc.sql("""
				update funding_reward set status = :st, amount = :a, note = :note, decided_by = :by, decided_at = :at,
				       version = version + 1
				where id = :id and version = :v and status = 'PROPOSED'
				""")
			.param("st", status.name())
			.param("a", amount)
			.param("note", note)
			.param("by", by)
			.param("at", at)
			.param("id", id)
			.param("v", version)
			.update();
		if (n == 0) {
			throw new ConflictException("funding.reward.changed");
		}
	}

	// ------------------------------------------------------------------ expenditures

	/**
	 * Takes the row lock of a township's year, so that two bookings against one budget
	 * check the balance one after the other.
	 */
	public void lock(long townshipId, int year) {
		jdbc.sql("insert into funding_lock (township_id, lock_year) values (:t, :y) on conflict do nothing")
			.param("t", townshipId)
			.param("y", year)
			.update();
		jdbc.sql("select township_id from funding_lock where township_id = :t and lock_year = :y for update")
			.param("t", townshipId)
			.param("y", year)
			.query(Long.class)
			.single();
	}

	/** Township id → the sum of its expenditures of the year not voided. */
	public Map<Long, BigDecimal> spent(int year) {
		Map<Long, BigDecimal> out = new HashMap<>();
		jdbc.sql("select township_id, sum(amount) from funding_expenditure where voided = false"
				+ " and spent_on >= :from and spent_on < :to group by township_id")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(rs -> {
				out.put(rs.getLong(1), rs.getBigDecimal(2).setScale(2));
			});
		return out;
	}

	/** The year's expenditures, of one township or (null) all, newest first. */
	public List<ExpenditureRow> expenditures(int year, @Nullable Long townshipId) {
		return jdbc
			.sql("select " + EXPENDITURE_COLUMNS
					+ " from funding_expenditure where spent_on >= :from and spent_on < :to"
					+ (townshipId == null ? "" : " and township_id = :t") + " order by spent_on desc, id desc")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.params(townshipId == null ? Map.of() : Map.of("t", townshipId))
			.query(expenditureRow)
			.list();
	}

	public Optional<ExpenditureRow> expenditure(long id) {
		return jdbc.sql("select " + EXPENDITURE_COLUMNS + " from funding_expenditure where id = :id")
			.param("id", id)
			.query(expenditureRow)
			.optional();
	}

	public long insertExpenditure(long townshipId, @Nullable Long stationId, LocalDate spentOn, BigDecimal amount,
			Purpose purpose, String description, @Nullable String payee, String by, OffsetDateTime at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into funding_expenditure (township_id, station_id, spent_on, amount, purpose, description, payee,
				       booked_by, booked_at, voided, version)
				values (:t, :s, :d, :a, :p, :desc, :payee, :by, :at, false, 0)
				""")
			.param("t", townshipId)
			.param("s", stationId)
			.param("d", spentOn)
			.param("a", amount)
			.param("p", purpose.name())
			.param("desc", description)
			.param("payee", payee)
			.param("by", by)
			.param("at", at)
			.update(keys, "id");
		Number key = keys.getKey();
		if (key == null) {
			throw new IllegalStateException("no id generated");
		}
		return key.longValue();
	}

	/** Voids an expenditure not voided and still at {@code version}; 409 otherwise. */
	public void voidExpenditure(long id, String reason, int version, String by, OffsetDateTime at) {
		int n = jdbc.sql("""
				update funding_expenditure set voided = true, void_reason = :r, voided_by = :by, voided_at = :at,
				       version = version + 1
				where id = :id and version = :v and voided = false
				""").param("r", reason).param("by", by).param("at", at).param("id", id).param("v", version).update();
		if (n == 0) {
			throw new ConflictException("funding.expenditure.changed");
		}
	}

	// ------------------------------------------------------------------ receipts

	public void insertReceipt(long expenditureId, String filename, String contentType, byte[] data, String sha256,
			String by, OffsetDateTime at) {
		jdbc.sql("insert into funding_receipt (expenditure_id, filename, content_type, size_bytes, sha256, data, "
				+ "uploaded_by, created_at) values (:e, :f, :t, :s, :h, :d, :u, :at)")
			.param("e", expenditureId)
			.param("f", filename)
			.param("t", contentType)
			.param("s", (long) data.length)
			.param("h", sha256)
			.param("d", data)
			.param("u", by)
			.param("at", at)
			.update();
	}

	/** Expenditure id → its receipts, of the expenditures given. */
	public Map<Long, List<Receipt>> receipts(List<Long> expenditureIds) {
		Map<Long, List<Receipt>> out = new HashMap<>();
		if (expenditureIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select " + RECEIPT_COLUMNS + " from funding_receipt where expenditure_id in (:ids) order by id")
			.param("ids", expenditureIds)
			.query(receiptRow)
			.list()
			.forEach(r -> out.computeIfAbsent(r.expenditureId(), k -> new ArrayList<>()).add(r));
		return out;
	}

	public Optional<Receipt> receipt(long expenditureId, long id) {
		return jdbc.sql("select " + RECEIPT_COLUMNS + " from funding_receipt where expenditure_id = :e and id = :id")
			.param("e", expenditureId)
			.param("id", id)
			.query(receiptRow)
			.optional();
	}

	public byte[] receiptData(long id) {
		return jdbc.sql("select data from funding_receipt where id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getBytes(1))
			.single();
	}

}
