package cn.deputylink.standards;

/**
 * An inspection's finding on one item: met, partly met (half the points), not met, or not
 * applicable to this station (left out of the score; never for a required item).
 */
public enum ItemResult {

	MET, PARTLY, NOT_MET, NOT_APPLICABLE

}
