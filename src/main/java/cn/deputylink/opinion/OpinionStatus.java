package cn.deputylink.opinion;

/** Where an opinion is in its lifecycle ({@code docs/domain.md}, "Opinion lifecycle"). */
public enum OpinionStatus {

	SUBMITTED, TRIAGED, ASSIGNED, IN_PROGRESS, REPLIED, CLOSED, MERGED;

	/** A department has the case and the clock runs. */
	public boolean isWithDepartment() {
		return this == ASSIGNED || this == IN_PROGRESS;
	}

	public boolean isFinal() {
		return this == CLOSED || this == MERGED;
	}

}
