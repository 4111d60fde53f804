package cn.deputylink.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Real, decodable images for tests that upload photos (a few magic bytes are no longer
 * enough).
 */
public final class Images {

	private Images() {
	}

	public static byte[] png() {
		return encode("png");
	}

	public static byte[] jpeg() {
		return encode("jpeg");
	}

	private static byte[] encode(String format) {
		BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < img.getWidth(); x++) {
			for (int y = 0; y < img.getHeight(); y++) {
				img.setRGB(x, y, (x * 16) << 16 | (y * 20) << 8 | 0x40);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
