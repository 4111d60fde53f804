package cn.deputylink.account;

import java.util.Optional;

/**
 * What accounts need to know of the organisation registry to check a user's assignment. The
 * organisation module implements it, so that accounts never read its tables.
 */
public interface OrganisationDirectory {

	boolean townshipExists(long townshipId);

	/** The township a station belongs to. */
	Optional<Long> townshipOfStation(long stationId);

	/** The township of a township- or village-tier department; empty for county departments. */
	Optional<Long> townshipOfDepartment(long departmentId);

	boolean departmentExists(long departmentId);

	boolean deputyExists(long deputyId);
}
