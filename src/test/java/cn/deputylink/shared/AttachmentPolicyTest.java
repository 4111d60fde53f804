package cn.deputylink.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.deputylink.support.Images;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

class AttachmentPolicyTest {

	@Test
	void typesComeFromTheContent() {
		assertThat(AttachmentPolicy.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00 }))
			.contains("image/jpeg");
		assertThat(AttachmentPolicy.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains("image/png");
		assertThat(AttachmentPolicy.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
			.contains("application/pdf");
		assertThat(AttachmentPolicy.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
			.contains("image/webp");
	}

	@Test
	void anythingElseIsRefused() {
		assertThat(AttachmentPolicy.sniff("MZ\u0090\0executable".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(AttachmentPolicy.sniff("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(AttachmentPolicy.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
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

	@Test
	void namesLoseBidiAndOtherInvisibleCharacters() {
		assertThat(AttachmentPolicy.cleanName("photo\u202egnp.exe")).isEqualTo("photognp.exe");
		assertThat(AttachmentPolicy.cleanName("a\u2066b\u2069\u200e\u200f\u061c\u200bc.pdf")).isEqualTo("abc.pdf");
		assertThat(AttachmentPolicy.cleanName("line\u2028break\u2029.pdf")).isEqualTo("linebreak.pdf");
		assertThat(AttachmentPolicy.cleanName("a\u0000b\u0085c\ud800.png")).isEqualTo("abc.png");
		assertThat(AttachmentPolicy.cleanName("..")).isEqualTo("attachment");
		assertThat(AttachmentPolicy.cleanName(".htaccess")).isEqualTo("htaccess");
		// cut to 120 characters without splitting a surrogate pair
		assertThat(AttachmentPolicy.cleanName("照".repeat(10) + "\ud83d\udcf7".repeat(70) + "a.jpg")).hasSize(119)
			.startsWith("\ud83d\udcf7")
			.endsWith("a.jpg");
	}

	@Test
	void realImagesAreWhole() {
		assertThat(AttachmentPolicy.isWholeImage(Images.png(), "image/png")).isTrue();
		assertThat(AttachmentPolicy.isWholeImage(Images.jpeg(), "image/jpeg")).isTrue();
		// a camera's trailer after the end of the JPEG is no markup
		assertThat(AttachmentPolicy
			.isWholeImage(concat(Images.jpeg(), "SEFT trailer".getBytes(StandardCharsets.US_ASCII)), "image/jpeg"))
			.isTrue();
	}

	@Test
	void magicBytesAloneOrATruncatedImageAreRefused() {
		byte[] eight = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		assertThat(AttachmentPolicy.isWholeImage(eight, "image/png")).isFalse();
		byte[] png = Images.png();
		assertThat(AttachmentPolicy.isWholeImage(Arrays.copyOf(png, png.length - 20), "image/png")).isFalse();
		byte[] jpeg = Images.jpeg();
		assertThat(AttachmentPolicy.isWholeImage(Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg")).isFalse();
		assertThat(AttachmentPolicy.isWholeImage(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }, "image/jpeg"))
			.isFalse();
		// a flipped bit in the pixels breaks the PNG checksum
		byte[] flipped = png.clone();
		flipped[png.length - 20] ^= 0x40;
		assertThat(AttachmentPolicy.isWholeImage(flipped, "image/png")).isFalse();
		assertThat(
				AttachmentPolicy.isWholeImage("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), "image/webp"))
			.isFalse();
	}

	@Test
	void htmlPolyglotsAreRefused() {
		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
		// after the end of the image
		assertThat(AttachmentPolicy.isWholeImage(concat(Images.png(), html), "image/png")).isFalse();
		assertThat(AttachmentPolicy.isWholeImage(concat(Images.jpeg(), html), "image/jpeg")).isFalse();
		// inside it: a PNG text chunk, a JPEG comment
		assertThat(AttachmentPolicy.isWholeImage(withPngText(Images.png(), html), "image/png")).isFalse();
		byte[] jpeg = Images.jpeg();
		byte[] comment = new byte[4 + html.length];
		comment[0] = (byte) 0xFF;
		comment[1] = (byte) 0xFE;
		comment[2] = (byte) ((html.length + 2) >> 8);
		comment[3] = (byte) (html.length + 2);
		System.arraycopy(html, 0, comment, 4, html.length);
		// after SOI and the JFIF APP0 segment, which must come first
		int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		byte[] commented = concat(concat(Arrays.copyOf(jpeg, app0End), comment),
				Arrays.copyOfRange(jpeg, app0End, jpeg.length));
		assertThat(AttachmentPolicy.isWholeImage(commented, "image/jpeg")).isFalse();
		// the same comment without markup is a fine photo
		byte[] plain = commented.clone();
		System.arraycopy("a holiday photo, taken at noon, no code".getBytes(StandardCharsets.US_ASCII), 0, plain,
				app0End + 4, 39);
		assertThat(AttachmentPolicy.isWholeImage(plain, "image/jpeg")).isTrue();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** The PNG with a tEXt chunk (correct CRC) right after IHDR. */
	private static byte[] withPngText(byte[] png, byte[] text) {
		byte[] data = concat("Comment\0".getBytes(StandardCharsets.US_ASCII), text);
		byte[] chunk = new byte[12 + data.length];
		ByteBuffer.wrap(chunk).putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
		CRC32 crc = new CRC32();
		crc.update(chunk, 4, 4 + data.length);
		ByteBuffer.wrap(chunk).putInt(8 + data.length, (int) crc.getValue());
		int afterIhdr = 8 + 25;
		return concat(concat(Arrays.copyOf(png, afterIhdr), chunk), Arrays.copyOfRange(png, afterIhdr, png.length));
	}

}
