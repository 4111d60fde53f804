package cn.deputylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Masking;

/** Masking of personal information and cursor paging, without Spring. */
class SharedRulesTest {

	@Test
	void phonesKeepPrefixAndLastFourDigits() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("0739-1234567")).isEqualTo("073****4567");
		assertThat(Masking.phone("12")).isEqualTo("**");
		assertThat(Masking.phone("12345")).isEqualTo("***45");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void idNumbersKeepFourCharactersAtEachEnd() {
		assertThat(Masking.idNumber("43052219800101123X")).isEqualTo("4305**********123X");
		assertThat(Masking.idNumber("1234")).isEqualTo("****");
	}

	@Test
	void namesKeepTheirFirstCharacter() {
		assertThat(Masking.name("张三丰")).isEqualTo("张**");
		assertThat(Masking.name("李")).isEqualTo("李*");
	}

	@Test
	void cursorPagesWalkTheWholeListOnce() {
		List<Long> all = LongStream.rangeClosed(1, 7).boxed().toList();
		long after = 0;
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		do {
			final long a = CursorPage.after(cursor);
			List<Long> rows = all.stream().filter(i -> i > a).limit(3 + 1).toList();
			CursorPage<Long> page = CursorPage.of(rows, 3, i -> i);
			seen.addAll(page.items());
			cursor = page.nextCursor();
			after = a;
		}
		while (cursor != null);
		assertThat(seen).isEqualTo(all);
		assertThat(after).isEqualTo(6);
	}

	@Test
	void limitsOutsideOneToFiveHundredAreRefused() {
		assertThat(CursorPage.limit(null)).isEqualTo(50);
		assertThat(CursorPage.limit(500)).isEqualTo(500);
		assertThatThrownBy(() -> CursorPage.limit(0)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> CursorPage.limit(501)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> CursorPage.after("%%%")).isInstanceOf(InvalidInputException.class);
	}

}
