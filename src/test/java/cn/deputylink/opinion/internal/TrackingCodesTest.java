package cn.deputylink.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

	@Test
	void codesAreThirteenDigitsInThreeGroupsWithAValidCheckDigit() {
		String code = TrackingCodes.next();
		assertThat(code).matches("\\d{4}-\\d{4}-\\d{5}");
		assertThat(TrackingCodes.damm(code.replace("-", ""))).isZero();
		assertThat(TrackingCodes.normalise(code)).contains(code);
	}

	@Test
	void codesAreNotSequentialOrRepeated() {
		Set<String> seen = new HashSet<>();
		long previous = -1;
		int ascending = 0;
		for (int i = 0; i < 10_000; i++) {
			String code = TrackingCodes.next();
			assertThat(seen.add(code)).isTrue();
			long n = Long.parseLong(code.replace("-", ""));
			if (n == previous + 1) {
				ascending++;
			}
			previous = n;
		}
		assertThat(ascending).isZero();
	}

	@Test
	void typedVariantsAreAccepted() {
		String code = TrackingCodes.next();
		String digits = code.replace("-", "");
		assertThat(TrackingCodes.normalise(digits)).contains(code);
		assertThat(TrackingCodes.normalise(" " + digits.substring(0, 4) + " " + digits.substring(4) + " "))
			.contains(code);
		StringBuilder fullWidth = new StringBuilder();
		digits.chars().forEach(c -> fullWidth.append((char) ('０' + (c - '0'))));
		assertThat(TrackingCodes.normalise(fullWidth.toString())).contains(code);
	}

	@Test
	void everySingleWrongDigitAndEveryNeighbourSwapIsCaught() {
		String digits = TrackingCodes.next().replace("-", "");
		for (int i = 0; i < digits.length(); i++) {
			for (char d = '0'; d <= '9'; d++) {
				if (d == digits.charAt(i)) {
					continue;
				}
				String typo = digits.substring(0, i) + d + digits.substring(i + 1);
				assertThat(TrackingCodes.normalise(typo)).as(typo).isEmpty();
			}
		}
		for (int i = 0; i + 1 < digits.length(); i++) {
			if (digits.charAt(i) == digits.charAt(i + 1)) {
				continue;
			}
			String swapped = digits.substring(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.substring(i + 2);
			assertThat(TrackingCodes.normalise(swapped)).as(swapped).isEmpty();
		}
	}

	@Test
	void garbageIsNoCode() {
		assertThat(TrackingCodes.normalise("")).isEmpty();
		assertThat(TrackingCodes.normalise("1234")).isEmpty();
		assertThat(TrackingCodes.normalise("ABCD-EFGH-IJKLM")).isEmpty();
		assertThat(TrackingCodes.normalise("1' or '1'='1")).isEmpty();
	}

}
