package cn.deputylink.standards.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.standards.InspectionDetail;
import cn.deputylink.standards.InspectionPhoto;
import cn.deputylink.standards.InspectionSummary;
import cn.deputylink.standards.ItemResult;
import cn.deputylink.standards.StandardGroup;
import cn.deputylink.standards.StandardItem;
import cn.deputylink.standards.StandardState;

/**
 * The tables {@code standard_item}, {@code standard_settings},
 * {@code standard_inspection}, {@code standard_inspection_result} and
 * {@code standard_inspection_photo} (the photos' bytes live in the database, as
 * activities' do).
 */
@Component
public class StandardStore {

	private static final String ITEM = "select id, code, item_group, name, description, points, required, position,"
			+ " active, version from standard_item";

	private static final String INSPECTION = "select id, station_id, township_id, inspected_on, inspector_id,"
			+ " inspector_name, note, score, pass_mark, status, created_at, version from standard_inspection";

	private static final String PHOTO = "select id, inspection_id, item_id, filename, content_type, size_bytes,"
			+ " sha256, created_at from standard_inspection_photo";

	/** An inspection's row, before its results, photos and station name are added. */
	public record Row(long id, long stationId, long townshipId, LocalDate inspectedOn, long inspectorId,
			String inspectorName, @Nullable String note, BigDecimal score, BigDecimal passMark, StandardState status,
			OffsetDateTime createdAt, int version) {
	}

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final RowMapper<StandardItem> itemRow = (rs, n) -> new StandardItem(rs.getLong(1), rs.getString(2),
			StandardGroup.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBigDecimal(6).setScale(1),
			rs.getBoolean(7), rs.getInt(8), rs.getBoolean(9), rs.getInt(10));

	private final RowMapper<Row> inspectionRow;

	private final RowMapper<InspectionPhoto> photoRow;

	StandardStore(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.inspectionRow = (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
				rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getString(6), rs.getString(7),
				rs.getBigDecimal(8).setScale(1), rs.getBigDecimal(9).setScale(1),
				StandardState.valueOf(rs.getString(10)), at(rs.getObject(11, OffsetDateTime.class)), rs.getInt(12));
		this.photoRow = (rs, n) -> new InspectionPhoto(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
				rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
				at(rs.getObject(8, OffsetDateTime.class)));
	}

	private OffsetDateTime at(OffsetDateTime t) {
		return t.atZoneSameInstant(zone).toOffsetDateTime();
	}

	// ------------------------------------------------------------------ checklist

	public List<StandardItem> items() {
		return jdbc.sql(ITEM + " order by position, id").query(itemRow).list();
	}

	public Optional<StandardItem> item(long id) {
		return jdbc.sql(ITEM + " where id = :id").param("id", id).query(itemRow).optional();
	}

	public boolean codeTaken(String code) {
		return jdbc.sql("select count(*) from standard_item where upper(code) = upper(:c)")
			.param("c", code)
			.query(Integer.class)
			.single() > 0;
	}

	public long insertItem(String code, StandardGroup group, String name, @Nullable String description,
			BigDecimal points, boolean required, int position) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into standard_item (code, item_group, name, description, points, required, position)"
				+ " values (:code, :g, :name, :d, :p, :r, :pos)")
			.param("code", code)
			.param("g", group.name())
			.param("name", name)
			.param("d", description)
			.param("p", points)
			.param("r", required)
			.param("pos", position)
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	/** Updates an item if it still has {@code version}; 409 otherwise. */
	public void updateItem(long id, String name, @Nullable String description, BigDecimal points, boolean required,
			int position, boolean active, int version) {
		int n = jdbc.sql("""
				update standard_item set name = :name, description = :d, points = :p, required = :r,
				       position = :pos, active = :a, version = version + 1
				where id = :id and version = :v
				""")
			.param("name", name)
			.param("d", description)
			.param("p", points)
			.param("r", required)
			.param("pos", position)
			.param("a", active)
			.param("id", id)
			.param("v", version)
			.update();
		if (n == 0) {
			throw new ConflictException("standards.item.changed");
		}
	}

	/** The pass mark and its version. */
	public Map.Entry<BigDecimal, Integer> passMark() {
		return jdbc.sql("select pass_mark, version from standard_settings where id = 1")
			.query((rs, n) -> Map.entry(rs.getBigDecimal(1).setScale(1), rs.getInt(2)))
			.optional()
			.orElse(Map.entry(new BigDecimal("90.0"), 0));
	}

	public void savePassMark(BigDecimal passMark, int version) {
		int n = jdbc
			.sql("update standard_settings set pass_mark = :p, version = version + 1 where id = 1 and version = :v")
			.param("p", passMark)
			.param("v", version)
			.update();
		if (n == 0) {
			throw new ConflictException("standards.settings.changed");
		}
	}

	// ------------------------------------------------------------------ inspections

	public long insertInspection(long stationId, long townshipId, LocalDate on, long inspectorId, String inspectorName,
			@Nullable String note, Inspection inspection, BigDecimal passMark, OffsetDateTime at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into standard_inspection (station_id, township_id, inspected_on, inspector_id, inspector_name,"
				+ " note, score, pass_mark, status, created_at) values (:s, :t, :on, :by, :byName, :note, :score,"
				+ " :pass, :status, :at)")
			.param("s", stationId)
			.param("t", townshipId)
			.param("on", on)
			.param("by", inspectorId)
			.param("byName", inspectorName)
			.param("note", note)
			.param("score", inspection.score())
			.param("pass", passMark)
			.param("status", inspection.status(passMark).name())
			.param("at", at)
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Long.class));
		for (Inspection.Line l : inspection.lines()) {
			jdbc.sql("insert into standard_inspection_result (inspection_id, item_id, result, points, required, note)"
					+ " values (:i, :item, :r, :p, :req, :note)")
				.param("i", id)
				.param("item", l.itemId())
				.param("r", l.result().name())
				.param("p", l.points())
				.param("req", l.required())
				.param("note", l.note())
				.update();
		}
		return id;
	}

	public Optional<Row> inspection(long id) {
		return jdbc.sql(INSPECTION + " where id = :id").param("id", id).query(inspectionRow).optional();
	}

	/** An inspection's results, in checklist order. */
	public List<InspectionDetail.Line> results(long inspectionId) {
		return results(List.of(inspectionId)).getOrDefault(inspectionId, List.of());
	}

	/** The results of many inspections: inspection id → results in checklist order. */
	public Map<Long, List<InspectionDetail.Line>> results(List<Long> inspectionIds) {
		Map<Long, List<InspectionDetail.Line>> out = new HashMap<>();
		if (inspectionIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select r.inspection_id, r.item_id, i.code, i.item_group, i.name, r.points, r.required, r.result,"
				+ " r.note from standard_inspection_result r join standard_item i on i.id = r.item_id"
				+ " where r.inspection_id in (:ids) order by i.position, i.id")
			.param("ids", inspectionIds)
			.query(rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new InspectionDetail.Line(rs.getLong(2), rs.getString(3),
							StandardGroup.valueOf(rs.getString(4)), rs.getString(5), rs.getBigDecimal(6).setScale(1),
							rs.getBoolean(7), ItemResult.valueOf(rs.getString(8)), rs.getString(9)));
			});
		return out;
	}

	public List<InspectionSummary> inspectionsOf(long stationId) {
		return jdbc
			.sql("select id, station_id, inspected_on, inspector_name, score, status from standard_inspection"
					+ " where station_id = :s order by inspected_on desc, id desc")
			.param("s", stationId)
			.query((rs, n) -> new InspectionSummary(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getBigDecimal(5).setScale(1), StandardState.valueOf(rs.getString(6))))
			.list();
	}

	/**
	 * Each station's latest inspection on or before {@code asOf} (the latest date, then
	 * the latest recorded): station id → row.
	 */
	public Map<Long, Row> latest(LocalDate asOf) {
		Map<Long, Row> out = new HashMap<>();
		jdbc.sql(INSPECTION + " i where i.inspected_on <= :d and not exists (select 1 from standard_inspection j"
				+ " where j.station_id = i.station_id and j.inspected_on <= :d and (j.inspected_on > i.inspected_on"
				+ " or (j.inspected_on = i.inspected_on and j.id > i.id)))")
			.param("d", asOf)
			.query(inspectionRow)
			.list()
			.forEach(r -> out.put(r.stationId(), r));
		return out;
	}

	public boolean anyInspection() {
		return jdbc.sql("select count(*) from standard_inspection").query(Integer.class).single() > 0;
	}

	// ------------------------------------------------------------------ photos

	public void insertPhoto(long inspectionId, @Nullable Long itemId, String filename, String contentType, byte[] data,
			String sha256, long userId, OffsetDateTime at) {
		jdbc.sql("insert into standard_inspection_photo (inspection_id, item_id, filename, content_type, size_bytes,"
				+ " sha256, data, uploaded_by, created_at) values (:i, :item, :f, :t, :s, :h, :d, :u, :at)")
			.param("i", inspectionId)
			.param("item", itemId)
			.param("f", filename)
			.param("t", contentType)
			.param("s", (long) data.length)
			.param("h", sha256)
			.param("d", data)
			.param("u", userId)
			.param("at", at)
			.update();
	}

	public List<InspectionPhoto> photos(long inspectionId) {
		return jdbc.sql(PHOTO + " where inspection_id = :i order by id")
			.param("i", inspectionId)
			.query(photoRow)
			.list();
	}

	public int photoCount(long inspectionId) {
		return jdbc.sql("select count(*) from standard_inspection_photo where inspection_id = :i")
			.param("i", inspectionId)
			.query(Integer.class)
			.single();
	}

	public Optional<InspectionPhoto> photo(long inspectionId, long id) {
		return jdbc.sql(PHOTO + " where inspection_id = :i and id = :id")
			.param("i", inspectionId)
			.param("id", id)
			.query(photoRow)
			.optional();
	}

	public byte[] photoData(long id) {
		return jdbc.sql("select data from standard_inspection_photo where id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getBytes(1))
			.single();
	}

}
