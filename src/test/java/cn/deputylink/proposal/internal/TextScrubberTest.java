package cn.deputylink.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Phone and ID numbers go from the text the public sees; other numbers stay. */
class TextScrubberTest {

	@Test
	void phoneAndIdNumbersAreRemoved() {
		assertThat(TextScrubber.scrub("请联系张三13812345678处理")).isEqualTo("请联系张三" + TextScrubber.MARK + "处理");
		assertThat(TextScrubber.scrub("电话 +86 138-1234-5678。")).isEqualTo("电话 " + TextScrubber.MARK + "。");
		assertThat(TextScrubber.scrub("座机0571-88123456")).isEqualTo("座机" + TextScrubber.MARK);
		assertThat(TextScrubber.scrub("身份证号11010519491231002X")).isEqualTo("身份证号" + TextScrubber.MARK);
		assertThat(TextScrubber.scrub("老证号110105491231002")).isEqualTo("老证号" + TextScrubber.MARK);
	}

	@Test
	void otherNumbersStay() {
		String text = "2026年修路3公里，投资1200万元，涉及农户58户，编号2026-007";
		assertThat(TextScrubber.scrub(text)).isEqualTo(text);
		assertThat(TextScrubber.scrub("订单号123456789012")).isEqualTo("订单号123456789012");
	}

}
