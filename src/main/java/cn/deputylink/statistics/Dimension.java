package cn.deputylink.statistics;

/**
 * What the opinions can be broken down by; a row's key is the category code, the
 * {@code opinion.Source} name, or the department's, township's or station's id as text
 * ({@code ""} for none).
 */
public enum Dimension {

	CATEGORY, SOURCE, DEPARTMENT, TOWNSHIP, STATION

}
