package cn.deputylink.standards;

/** A station's standing: by its latest inspection, or none yet. */
public enum StandardState {

	NEVER_INSPECTED, UP_TO_STANDARD, NOT_UP_TO_STANDARD

}
