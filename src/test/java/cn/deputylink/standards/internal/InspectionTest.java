package cn.deputylink.standards.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.standards.ItemResult;
import cn.deputylink.standards.NewInspection.ResultInput;
import cn.deputylink.standards.StandardGroup;
import cn.deputylink.standards.StandardItem;
import cn.deputylink.standards.StandardState;

class InspectionTest {

	private static final BigDecimal PASS = new BigDecimal("90.0");

	/** 10 (required) + 20 + 30 + 40 = 100 points. */
	private static final List<StandardItem> ITEMS = List.of(item(1, "10", true), item(2, "20", false),
			item(3, "30", false), item(4, "40", false));

	private static StandardItem item(long id, String points, boolean required) {
		return new StandardItem(id, "C" + id, StandardGroup.SIX_HAVES, "项目" + id, null, new BigDecimal(points),
				required, (int) id, true, 0);
	}

	private static Inspection of(ItemResult... results) {
		List<ResultInput> in = new ArrayList<>();
		for (int i = 0; i < results.length; i++) {
			in.add(new ResultInput(ITEMS.get(i).id(), results[i], null));
		}
		return Inspection.of(ITEMS, in);
	}

	@Test
	void allMetScoresAHundredAndIsUpToStandard() {
		Inspection i = of(ItemResult.MET, ItemResult.MET, ItemResult.MET, ItemResult.MET);
		assertThat(i.score()).isEqualByComparingTo("100.0");
		assertThat(i.score().scale()).isEqualTo(1);
		assertThat(i.status(PASS)).isEqualTo(StandardState.UP_TO_STANDARD);
	}

	@Test
	void partlyCountsHalf() {
		// 10 + 20 + 30/2 + 0 = 45 of 100
		Inspection i = of(ItemResult.MET, ItemResult.MET, ItemResult.PARTLY, ItemResult.NOT_MET);
		assertThat(i.score()).isEqualByComparingTo("45.0");
		assertThat(i.status(PASS)).isEqualTo(StandardState.NOT_UP_TO_STANDARD);
	}

	@Test
	void notApplicableLeavesTheItemOutAndRoundsHalfUpOnce() {
		// applicable 10 + 20 + 30 = 60; earned 10 + 20/2 + 0 = 20 → 33.333… → 33.3
		Inspection i = of(ItemResult.MET, ItemResult.PARTLY, ItemResult.NOT_MET, ItemResult.NOT_APPLICABLE);
		assertThat(i.score()).isEqualByComparingTo("33.3");
		// applicable 10 + 20 + 40 = 70; earned 10 + 20 + 40/2 = 50 → 71.428… → 71.4
		assertThat(of(ItemResult.MET, ItemResult.MET, ItemResult.NOT_APPLICABLE, ItemResult.PARTLY).score())
			.isEqualByComparingTo("71.4");
		// applicable 10 + 30 + 40 = 80 of which 10 + 30 + 40/2 = 60 → 75.0; and 0.05 up:
		// 10 of 30 applicable with 20 partly: (10 + 10) / 30 = 66.666… → 66.7
		assertThat(of(ItemResult.MET, ItemResult.NOT_APPLICABLE, ItemResult.MET, ItemResult.PARTLY).score())
			.isEqualByComparingTo("75.0");
	}

	@Test
	void halfUpAtTheBoundary() {
		// 1 of 8 points: 12.5 exactly; half of 1 of 16: 3.125 → 3.1; 1.5 of 16 → 9.375 →
		// 9.4
		List<StandardItem> items = List.of(item(1, "1", false), item(2, "15", false));
		Inspection i = Inspection.of(items,
				List.of(new ResultInput(1L, ItemResult.PARTLY, null), new ResultInput(2L, ItemResult.NOT_MET, null)));
		assertThat(i.score()).isEqualByComparingTo("3.1");
		List<StandardItem> three = List.of(item(1, "1", false), item(2, "0.5", false), item(3, "14.5", false));
		Inspection j = Inspection.of(three, List.of(new ResultInput(1L, ItemResult.MET, null),
				new ResultInput(2L, ItemResult.MET, null), new ResultInput(3L, ItemResult.NOT_MET, null)));
		assertThat(j.score()).isEqualByComparingTo("9.4");
	}

	@Test
	void aRequiredItemNotMetFailsEvenWithAHighScore() {
		// 0 + 20 + 30 + 40 = 90 ≥ 90, but the required item is not met
		Inspection i = of(ItemResult.NOT_MET, ItemResult.MET, ItemResult.MET, ItemResult.MET);
		assertThat(i.score()).isEqualByComparingTo("90.0");
		assertThat(i.requiredMet()).isFalse();
		assertThat(i.status(PASS)).isEqualTo(StandardState.NOT_UP_TO_STANDARD);
		// partly is not met either
		assertThat(of(ItemResult.PARTLY, ItemResult.MET, ItemResult.MET, ItemResult.MET).status(new BigDecimal("50")))
			.isEqualTo(StandardState.NOT_UP_TO_STANDARD);
		// the required item met, 40 partly: 10 + 20 + 30 + 20 = 80 < 90
		Inspection k = of(ItemResult.MET, ItemResult.MET, ItemResult.MET, ItemResult.PARTLY);
		assertThat(k.score()).isEqualByComparingTo("80.0");
		assertThat(k.status(PASS)).isEqualTo(StandardState.NOT_UP_TO_STANDARD);
		assertThat(k.status(new BigDecimal("80.0"))).isEqualTo(StandardState.UP_TO_STANDARD);
	}

	@Test
	void nothingApplicableScoresZero() {
		List<StandardItem> items = List.of(item(2, "20", false));
		assertThat(Inspection.of(items, List.of(new ResultInput(2L, ItemResult.NOT_APPLICABLE, null))).score())
			.isEqualByComparingTo("0.0");
	}

	@Test
	void everyActiveItemNeedsExactlyOneResult() {
		assertThatThrownBy(() -> of(ItemResult.MET, ItemResult.MET, ItemResult.MET)).isInstanceOfSatisfying(
				InvalidInputException.class,
				e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("standards.results.incomplete"));
		assertThatThrownBy(() -> Inspection.of(ITEMS, null)).isInstanceOf(InvalidInputException.class);
		List<ResultInput> dup = new ArrayList<>(List.of(new ResultInput(1L, ItemResult.MET, null),
				new ResultInput(1L, ItemResult.MET, null), new ResultInput(2L, ItemResult.MET, null),
				new ResultInput(3L, ItemResult.MET, null), new ResultInput(4L, ItemResult.MET, null)));
		assertThatThrownBy(() -> Inspection.of(ITEMS, dup)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("standards.results.duplicate"));
		List<ResultInput> unknown = new ArrayList<>(dup.subList(1, 5));
		unknown.add(new ResultInput(99L, ItemResult.MET, null));
		assertThatThrownBy(() -> Inspection.of(ITEMS, unknown)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors().get(0).field()).isEqualTo("results[4].itemId"));
		assertThatThrownBy(() -> of(ItemResult.NOT_APPLICABLE, ItemResult.MET, ItemResult.MET, ItemResult.MET))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
				.isEqualTo("standards.results.requiredNotApplicable"));
		assertThatThrownBy(() -> of(ItemResult.MET, null, ItemResult.MET, ItemResult.MET)).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("results[1].result"));
	}

}
