package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {

	@Test
	void typesComeFromTheContent() {
		assertThat(AttachmentPolicy.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00 })).contains("image/jpeg");
		assertThat(AttachmentPolicy.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains("image/png");
		assertThat(AttachmentPolicy.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
		assertThat(AttachmentPolicy.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains("image/webp");
	}

	@Test
	void anythingElseIsRefused() {
		assertThat(AttachmentPolicy.sniff("MZ\u0090\0executable".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(AttachmentPolicy.sniff("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(AttachmentPolicy.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(AttachmentPolicy.sniff(new byte[0])).isEmpty();
		assertThat(AttachmentPolicy.sniff(new byte[] { (byte) 0xFF })).isEmpty();
	}

	@Test
	void namesLoseTheirPathsAndHeaderBreakingCharacters() {
		assertThat(AttachmentPolicy.cleanName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(AttachmentPolicy.cleanName("C:\\Users\\a\\照片.jpg")).isEqualTo("照片.jpg");
		assertThat(AttachmentPolicy.cleanName("a\r\nSet-Cookie: x=1;\".jpg")).isEqualTo("aSet-Cookie: x=1.jpg");
		assertThat(AttachmentPolicy.cleanName("   ")).isEqualTo("attachment");
		assertThat(AttachmentPolicy.cleanName("x".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
	}
}
