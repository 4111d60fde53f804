package cn.deputylink.organisation;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.shared.PersonalDataCipher;

/** Deputies, their levels and stations. The ID number is stored encrypted. */
@Repository
class Deputies {

	private record Row(long id, String name, @Nullable String phone, @Nullable String idNumberCipher,
			@Nullable String constituency, boolean active, int version) {
	}

	record Fields(String name, Set<DeputyLevel> levels, @Nullable String phone, @Nullable String idNumber,
			@Nullable String constituency, List<Long> stationIds) {
	}

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	Deputies(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	long insert(Fields f) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into deputy (name, phone, id_number_cipher, constituency) values (:name, :phone, :id, :c)")
			.param("name", f.name())
			.param("phone", f.phone())
			.param("id", cipher.encrypt(f.idNumber()))
			.param("c", f.constituency())
			.update(keys, "id");
		long id = Sql.key(keys);
		setLinks(id, f);
		return id;
	}

	/** Updates; a null ID number keeps the stored one (forms never show it in full). */
	boolean update(long id, int version, Fields f) {
		int n = jdbc.sql("""
				update deputy set name = :name, phone = :phone, constituency = :c,
				  id_number_cipher = coalesce(:id, id_number_cipher), version = version + 1
				where id = :did and version = :version""")
			.param("name", f.name())
			.param("phone", f.phone())
			.param("c", f.constituency())
			.param("id", cipher.encrypt(f.idNumber()))
			.param("did", id)
			.param("version", version)
			.update();
		if (n == 1) {
			setLinks(id, f);
		}
		return n == 1;
	}

	private void setLinks(long id, Fields f) {
		jdbc.sql("delete from deputy_level where deputy_id = :id").param("id", id).update();
		jdbc.sql("delete from deputy_station where deputy_id = :id").param("id", id).update();
		for (DeputyLevel l : f.levels()) {
			jdbc.sql("insert into deputy_level (deputy_id, level) values (:d, :l)")
				.param("d", id)
				.param("l", l.name())
				.update();
		}
		for (Long s : f.stationIds().stream().distinct().toList()) {
			jdbc.sql("insert into deputy_station (deputy_id, station_id) values (:d, :s)")
				.param("d", id)
				.param("s", s)
				.update();
		}
	}

	Optional<Deputy> find(long id) {
		return jdbc
			.sql("select id, name, phone, id_number_cipher as idNumberCipher, "
					+ "constituency, active, version from deputy where id = :id")
			.param("id", id)
			.query(Row.class)
			.optional()
			.map(this::full);
	}

	private static final String IN_TOWNSHIP = "exists (select 1 from deputy_station ds join station s on s.id = ds.station_id "
			+ "where ds.deputy_id = deputy.id and s.township_id = :township)";

	private Sql filtered(ListFilter f) {
		return new Sql("select * from deputy").where(f.townshipId() != null, IN_TOWNSHIP, "township", f.townshipId())
			.where(f.stationId() != null,
					"exists (select 1 from deputy_station ds where ds.deputy_id = deputy.id and ds.station_id = :station)",
					"station", f.stationId())
			.where(f.like() != null, "(lower(name) like :q or lower(constituency) like :q)", "q", f.like())
			.where(f.active() != null, "active = :active", "active", f.active());
	}

	List<Deputy> list(ListFilter f, long afterId, int limit, int offset) {
		return filtered(f)
			.page(jdbc, "id", afterId, limit, offset,
					(rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
							rs.getString("id_number_cipher"), rs.getString("constituency"), rs.getBoolean("active"),
							rs.getInt("version")))
			.stream()
			.map(this::full)
			.toList();
	}

	int count(ListFilter f) {
		return filtered(f).count(jdbc, "deputy");
	}

	/** Townships of the stations a deputy is attached to. */
	List<Long> townshipsOf(long deputyId) {
		return jdbc
			.sql("select distinct s.township_id from deputy_station ds join station s on s.id = ds.station_id "
					+ "where ds.deputy_id = :id")
			.param("id", deputyId)
			.query(Long.class)
			.list();
	}

	private Deputy full(Row r) {
		EnumSet<DeputyLevel> levels = EnumSet.noneOf(DeputyLevel.class);
		jdbc.sql("select level from deputy_level where deputy_id = :id")
			.param("id", r.id())
			.query(String.class)
			.list()
			.forEach(l -> levels.add(DeputyLevel.valueOf(l)));
		List<Long> stations = jdbc
			.sql("select station_id from deputy_station where deputy_id = :id order by station_id")
			.param("id", r.id())
			.query(Long.class)
			.list();
		return new Deputy(r.id(), r.name(), levels, r.phone(), cipher.decrypt(r.idNumberCipher()), r.constituency(),
				stations, r.active(), r.version());
	}

}
