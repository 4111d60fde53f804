package cn.deputylink.account;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What accounts need to know of the organisation registry to check a user's assignment.
 * The organisation module implements it, so that accounts never read its tables.
 */
public interface OrganisationDirectory {

	boolean townshipExists(long townshipId);

	/** The township a station belongs to. */
	Optional<Long> townshipOfStation(long stationId);

	/**
	 * The township of a township- or village-tier department; empty for county
	 * departments.
	 */
	Optional<Long> townshipOfDepartment(long departmentId);

	boolean departmentExists(long departmentId);

	boolean deputyExists(long deputyId);

	/**
	 * A record as a picker offers it: its id, the name people know it by, its township
	 * (null for the county's own departments and for deputies) and whether it is in use.
	 */
	record Choice(long id, String name, @Nullable Long townshipId, boolean active) {
	}

	/** Every township, by name. */
	List<Choice> townships();

	/** Every station, by township and name. */
	List<Choice> stations();

	/**
	 * Every deputy, by name; the name carries the deputy's stations, since two deputies
	 * may share a name.
	 */
	List<Choice> deputies();

	/** Every department, by name. */
	List<Choice> departments();

}
