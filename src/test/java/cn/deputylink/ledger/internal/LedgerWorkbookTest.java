package cn.deputylink.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Phone and ID numbers typed into free text are masked in the ledger. */
class LedgerWorkbookTest {

	@Test
	void phoneAndIdNumbersInTextAreMasked() {
		assertThat(LedgerWorkbook.clean("请回电13812345678或15900001111，谢谢")).isEqualTo("请回电138****5678或159****1111，谢谢");
		assertThat(LedgerWorkbook.clean("身份证110101199001011234号")).isEqualTo("身份证1101**********1234号");
		assertThat(LedgerWorkbook.clean("身份证11010119900101123X")).isEqualTo("身份证1101**********123X");
		// not a mobile number: too long, a landline, a date
		assertThat(LedgerWorkbook.clean("订单号 138123456789012，电话 0756-1234567，2026-01-31"))
			.isEqualTo("订单号 138123456789012，电话 0756-1234567，2026-01-31");
		assertThat(LedgerWorkbook.clean(null)).isNull();
	}

}
