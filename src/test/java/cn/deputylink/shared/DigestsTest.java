package cn.deputylink.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** SHA-256 in hex, against the test vectors of FIPS 180-2. */
class DigestsTest {

	@Test
	void theStandardVectors() {
		assertThat(Digests.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Digests.sha256Hex(new byte[0]))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void textIsHashedAsUtf8() {
		assertThat(Digests.sha256Hex("代表")).isEqualTo(Digests.sha256Hex("代表".getBytes(StandardCharsets.UTF_8)));
	}

}
