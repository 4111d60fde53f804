package cn.deputylink.account;

/** The roles of {@code docs/api.md}. */
public enum Role {

	COUNTY_ADMIN, TOWNSHIP_ADMIN, STATION_LIAISON, DEPUTY, DEPARTMENT_HANDLER;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Roles whose data scope is one township. */
	public boolean townshipScoped() {
		return this == TOWNSHIP_ADMIN || this == STATION_LIAISON;
	}

}
