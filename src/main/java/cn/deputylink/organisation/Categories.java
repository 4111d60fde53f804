package cn.deputylink.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opinion categories, keyed by code. */
@Repository
class Categories {

	private final JdbcClient jdbc;

	/**
	 * The columns under the record's property names: the row mapper looks a column up by
	 * the property name first, and each miss is an exception that H2 writes to its trace
	 * file.
	 */
	private static final String SELECT = "select code, name_zh as nameZh, name_en as nameEn, sort_order as sortOrder, "
			+ "due_working_days as dueWorkingDays, active, version from category";

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Category> all() {
		return jdbc.sql(SELECT + " order by sort_order, code").query(Category.class).list();
	}

	Optional<Category> find(String code) {
		return jdbc.sql(SELECT + " where code = :c").param("c", code).query(Category.class).optional();
	}

	void insert(Category c) {
		jdbc.sql("insert into category (code, name_zh, name_en, sort_order, due_working_days) "
				+ "values (:code, :zh, :en, :sort, :due)")
			.param("code", c.code())
			.param("zh", c.nameZh())
			.param("en", c.nameEn())
			.param("sort", c.sortOrder())
			.param("due", c.dueWorkingDays())
			.update();
	}

	boolean update(Category c) {
		return jdbc
			.sql("update category set name_zh = :zh, name_en = :en, sort_order = :sort, due_working_days = :due, "
					+ "version = version + 1 where code = :code and version = :version")
			.param("zh", c.nameZh())
			.param("en", c.nameEn())
			.param("sort", c.sortOrder())
			.param("due", c.dueWorkingDays())
			.param("code", c.code())
			.param("version", c.version())
			.update() == 1;
	}

	void setActive(String code, boolean active) {
		jdbc.sql("update category set active = :a, version = version + 1 where code = :c")
			.param("a", active)
			.param("c", code)
			.update();
	}

}
