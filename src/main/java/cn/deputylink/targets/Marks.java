package cn.deputylink.targets;

import java.math.BigDecimal;

/** The grade marks: at least {@code excellent} 优秀, at least {@code pass} 合格, else 不合格. */
public record Marks(BigDecimal excellent, BigDecimal pass, int version) {

	public static final Marks DEFAULT = new Marks(new BigDecimal("90.0"), new BigDecimal("80.0"), 0);

	public Grade grade(BigDecimal score) {
		if (score.compareTo(excellent) >= 0) {
			return Grade.EXCELLENT;
		}
		return score.compareTo(pass) >= 0 ? Grade.PASS : Grade.FAIL;
	}

}
