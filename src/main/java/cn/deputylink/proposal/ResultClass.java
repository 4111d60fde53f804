package cn.deputylink.proposal;

/**
 * A class of reply result, configured by the county: A / B / C by default (A solved or
 * being solved, B planned step by step, C cannot be solved now, with reasons); counties
 * using A–D or 甲/乙/丙 set their own. {@code favourable} classes count as "solved or
 * planned" in the evaluation of handling units (A and B by default); an inactive class is
 * kept for the replies that used it but offered no more.
 */
public record ResultClass(String code, String label, String explanation, boolean favourable, int sortOrder,
		boolean active) {
}
