package cn.deputylink.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarityTest {

	@Test
	void sameTextIsOneAndUnrelatedIsNearZero() {
		assertThat(Similarity.dice("村里的路灯坏了三个月", "村里的路灯坏了三个月")).isEqualTo(1.0);
		assertThat(Similarity.dice("村里的路灯坏了三个月", "低保申请审批太慢")).isLessThan(0.1);
	}

	@Test
	void chineseRephrasingsOfOneProblemScoreHigh() {
		double close = Similarity.dice("东岭村二组的路灯坏了三个月，晚上出行很不安全", "东岭村二组路灯已经坏了三个月了，晚上走路不安全！");
		double other = Similarity.dice("东岭村二组的路灯坏了三个月，晚上出行很不安全", "希望解决东岭村小学校车接送问题");
		assertThat(close).isGreaterThan(0.5);
		assertThat(other).isLessThan(0.3);
		assertThat(close).isGreaterThan(other);
	}

	@Test
	void punctuationSpacesWidthAndCaseDoNotMatter() {
		assertThat(Similarity.dice("ＡＢＣ 路灯，坏了", "abc路灯坏了")).isEqualTo(1.0);
	}

	@Test
	void emptyTextMatchesNothing() {
		assertThat(Similarity.dice("", "路灯")).isZero();
		assertThat(Similarity.dice("，。！", "路灯")).isZero();
	}

}
