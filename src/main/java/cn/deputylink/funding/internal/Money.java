package cn.deputylink.funding.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.InvalidInputException;

/** Amounts of yuan: exact decimals with at most two places, never floating point. */
public final class Money {

	/** The largest amount anywhere in the module: ten million yuan. */
	public static final BigDecimal LIMIT = new BigDecimal("10000000.00");

	public static final BigDecimal ZERO = new BigDecimal("0.00");

	private Money() {
	}

	/**
	 * {@code amount} at scale 2, if it is given, at most two decimals, not above
	 * {@link #LIMIT}, and above zero (or, with {@code zeroAllowed}, not below it); a 400
	 * on {@code field} otherwise.
	 */
	public static BigDecimal check(String field, @Nullable BigDecimal amount, boolean zeroAllowed) {
		if (amount == null) {
			throw new InvalidInputException(field, "funding.amount.required");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException(field, "funding.amount.decimals");
		}
		if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0) || amount.compareTo(LIMIT) > 0) {
			throw new InvalidInputException(field, zeroAllowed ? "funding.amount.rangeZero" : "funding.amount.range",
					format(LIMIT));
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** ¥12,345.60 */
	public static String format(BigDecimal amount) {
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		f.setRoundingMode(RoundingMode.UNNECESSARY);
		return "¥" + f.format(amount.setScale(2, RoundingMode.UNNECESSARY));
	}

}
