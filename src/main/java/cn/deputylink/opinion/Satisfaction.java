package cn.deputylink.opinion;

/** The constituent's rating of the reply. */
public enum Satisfaction {

	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED

}
