package cn.deputylink.standards.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.standards.ItemResult;
import cn.deputylink.standards.NewInspection.ResultInput;
import cn.deputylink.standards.StandardItem;
import cn.deputylink.standards.StandardState;

/**
 * An inspection's findings and the rules on them. The score is
 * {@code (Σ points of MET items + ½ Σ points of PARTLY items) / Σ points of the applicable
 * items (all but NOT_APPLICABLE) × 100}, rounded half up to one decimal once at the end;
 * 0.0 when no item is applicable. A station is up to standard when the score reaches the
 * pass mark and every required item is MET.
 */
public final class Inspection {

	static final int NOTE_MAX = 500;

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** One item's finding, with the item's points and required flag. */
	public record Line(long itemId, BigDecimal points, boolean required, ItemResult result, @Nullable String note) {
	}

	private final List<Line> lines;

	public Inspection(List<Line> lines) {
		this.lines = List.copyOf(lines);
	}

	/**
	 * The findings on the {@code activeItems}, checked: one result for every active item
	 * and none for another, each with a result, N.A. never for a required item, notes of
	 * at most 500 characters (400 otherwise).
	 */
	public static Inspection of(List<StandardItem> activeItems, @Nullable List<ResultInput> results) {
		if (results == null || results.isEmpty()) {
			throw new InvalidInputException("results", "standards.results.incomplete", activeItems.size());
		}
		Map<Long, StandardItem> byId = new LinkedHashMap<>();
		activeItems.forEach(i -> byId.put(i.id(), i));
		Map<Long, Line> lines = new LinkedHashMap<>();
		Set<Long> seen = new HashSet<>();
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		for (int n = 0; n < results.size(); n++) {
			ResultInput r = results.get(n);
			String field = "results[" + n + "]";
			Long itemId = r.itemId();
			StandardItem item = itemId == null ? null : byId.get(itemId);
			if (item == null) {
				errors.add(new InvalidInputException.FieldError(field + ".itemId", "standards.results.unknownItem"));
				continue;
			}
			if (!seen.add(item.id())) {
				errors.add(new InvalidInputException.FieldError(field + ".itemId", "standards.results.duplicate",
						item.name()));
				continue;
			}
			ItemResult result = r.result();
			if (result == null) {
				errors.add(new InvalidInputException.FieldError(field + ".result", "standards.results.missing",
						item.name()));
				continue;
			}
			if (result == ItemResult.NOT_APPLICABLE && item.required()) {
				errors.add(new InvalidInputException.FieldError(field + ".result",
						"standards.results.requiredNotApplicable", item.name()));
				continue;
			}
			String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
			if (note != null && note.length() > NOTE_MAX) {
				errors.add(new InvalidInputException.FieldError(field + ".note", "standards.note.length", NOTE_MAX));
				continue;
			}
			lines.put(item.id(), new Line(item.id(), item.points(), item.required(), result, note));
		}
		if (errors.isEmpty() && lines.size() < byId.size()) {
			errors.add(new InvalidInputException.FieldError("results", "standards.results.incomplete", byId.size()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		List<Line> ordered = new ArrayList<>();
		byId.keySet().forEach(id -> ordered.add(lines.get(id)));
		return new Inspection(ordered);
	}

	public List<Line> lines() {
		return lines;
	}

	/** The score as the class comment defines it. */
	public BigDecimal score() {
		BigDecimal applicable = BigDecimal.ZERO;
		BigDecimal doubled = BigDecimal.ZERO;
		for (Line l : lines) {
			switch (l.result()) {
				case MET -> doubled = doubled.add(l.points().multiply(TWO));
				case PARTLY -> doubled = doubled.add(l.points());
				default -> {
				}
			}
			if (l.result() != ItemResult.NOT_APPLICABLE) {
				applicable = applicable.add(l.points());
			}
		}
		if (applicable.signum() == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return doubled.multiply(HUNDRED).divide(applicable.multiply(TWO), 1, RoundingMode.HALF_UP);
	}

	/** Whether every required item is MET. */
	public boolean requiredMet() {
		return lines.stream().filter(Line::required).allMatch(l -> l.result() == ItemResult.MET);
	}

	/**
	 * Up to standard when the score reaches {@code passMark} and every required item is
	 * MET.
	 */
	public StandardState status(BigDecimal passMark) {
		return score().compareTo(passMark) >= 0 && requiredMet() ? StandardState.UP_TO_STANDARD
				: StandardState.NOT_UP_TO_STANDARD;
	}

	/** The findings that are gaps: PARTLY and NOT_MET. */
	public static boolean isGap(ItemResult r) {
		return r == ItemResult.PARTLY || r == ItemResult.NOT_MET;
	}

}
