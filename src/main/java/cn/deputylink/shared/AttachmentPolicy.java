package cn.deputylink.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What may be attached: JPEG, PNG, WebP photos and PDF documents, recognised by their
 * first bytes. The name and the declared type of an upload are never trusted: an
 * executable renamed {@code photo.jpg} is refused. A photo must also be a whole photo
 * ({@link #isWholeImage}): eight magic bytes, a truncated file or an HTML page glued to
 * an image are refused. Shared by every module that takes uploads (opinions' attachments,
 * activities' photos), so all of them refuse the same files.
 */
public final class AttachmentPolicy {

	/**
	 * Beyond this many pixels an image is a decompression bomb rather than a phone's
	 * photo.
	 */
	static final long MAX_PIXELS = 100_000_000L;

	/**
	 * What a browser would run if it ever took the file for a page (a polyglot's second
	 * face).
	 */
	private static final String[] MARKUP = { "<html", "<script", "<!doctype", "<iframe", "<body", "<svg", "<object",
			"<embed", "<meta", "<img", "javascript:" };

	private AttachmentPolicy() {
	}

	public static Optional<String> sniff(byte[] b) {
		if (starts(b, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
				&& b[11] == 'P') {
			return Optional.of("image/webp");
		}
		if (starts(b, '%', 'P', 'D', 'F', '-')) {
			return Optional.of("application/pdf");
		}
		return Optional.empty();
	}

	/** Whether the content is a JPEG, PNG or WebP photo, and a whole one. */
	public static Optional<String> photoType(byte[] b) {
		return sniff(b).filter(t -> t.startsWith("image/")).filter(t -> isWholeImage(b, t));
	}

	private static boolean starts(byte[] b, int... prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((b[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether an image of the sniffed {@code type} is whole: its structure is intact to
	 * the last byte (PNG chunks with their checksums up to IEND and nothing after it, a
	 * WebP's RIFF sizes), every pixel decodes without a warning (JPEG, PNG), and no HTML
	 * hides in its metadata or after its end (the compressed pixels are not searched:
	 * random bytes would match now and then).
	 */
	public static boolean isWholeImage(byte[] b, String type) {
		return switch (type) {
			case "image/png" -> pngChunksIntact(b) && decodes(b);
			case "image/jpeg" -> jpegMetadataClean(b) && decodes(b);
			case "image/webp" -> webpIntact(b);
			default -> false;
		};
	}

	private static boolean containsMarkup(byte[] b, int from, int length) {
		String ascii = new String(b, from, Math.max(0, Math.min(length, b.length - from)), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		for (String m : MARKUP) {
			if (ascii.contains(m)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The segments before the first scan (APPn, COM, tables) and whatever follows the
	 * last EOI.
	 */
	private static boolean jpegMetadataClean(byte[] b) {
		int pos = 2;
		while (pos + 4 <= b.length) {
			if ((b[pos] & 0xFF) != 0xFF) {
				return false;
			}
			int marker = b[pos + 1] & 0xFF;
			if (marker == 0xFF) {
				pos++;
				continue;
			}
			if (marker == 0xDA) {
				break;
			}
			pos += 2 + (((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF));
		}
		if (pos > b.length || containsMarkup(b, 0, pos)) {
			return false;
		}
		int end = b.length - 2;
		while (end > pos && !((b[end] & 0xFF) == 0xFF && (b[end + 1] & 0xFF) == 0xD9)) {
			end--;
		}
		return end > pos && !containsMarkup(b, end + 2, b.length - end - 2);
	}

	/** Signature, IHDR first, every chunk's CRC right, IEND last and nothing after it. */
	private static boolean pngChunksIntact(byte[] b) {
		ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
		int pos = 8;
		boolean first = true;
		while (pos + 12 <= b.length) {
			long length = in.getInt(pos) & 0xFFFFFFFFL;
			if (length > b.length - pos - 12) {
				return false;
			}
			String kind = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (first && !kind.equals("IHDR")) {
				return false;
			}
			first = false;
			if (!kind.equals("IDAT") && containsMarkup(b, pos + 8, (int) length)) {
				return false;
			}
			CRC32 crc = new CRC32();
			crc.update(b, pos + 4, 4 + (int) length);
			if ((int) crc.getValue() != in.getInt(pos + 8 + (int) length)) {
				return false;
			}
			pos += 12 + (int) length;
			if (kind.equals("IEND")) {
				return pos == b.length;
			}
		}
		return false;
	}

	/**
	 * Reads every pixel. The reader subsamples so that a large photo does not need
	 * hundreds of megabytes, but it still decodes all of the compressed data; any warning
	 * (a JPEG's "premature end") counts as a failure, as does a size beyond
	 * {@link #MAX_PIXELS}.
	 */
	private static boolean decodes(byte[] b) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (in == null || !readers.hasNext()) {
				return false;
			}
			ImageReader reader = readers.next();
			AtomicBoolean warned = new AtomicBoolean();
			try {
				reader.setInput(in, true, true);
				reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
				long w = reader.getWidth(0);
				long h = reader.getHeight(0);
				if (w < 1 || h < 1 || w * h > MAX_PIXELS) {
					return false;
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) (w * h) / 1_000_000)));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage image = reader.read(0, param);
				return image != null && !warned.get();
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The JDK has no WebP decoder, so a WebP is checked as far as its container goes: the
	 * RIFF size is the file's, the chunks fill it exactly, and the image chunk starts as
	 * a VP8 key frame or a VP8L bitstream with a non-empty size.
	 */
	private static boolean webpIntact(byte[] b) {
		ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		if (b.length < 20 || (in.getInt(4) & 0xFFFFFFFFL) != b.length - 8L) {
			return false;
		}
		int pos = 12;
		boolean image = false;
		while (pos + 8 <= b.length) {
			String kind = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
			long size = in.getInt(pos + 4) & 0xFFFFFFFFL;
			long padded = size + (size & 1);
			if (padded > b.length - pos - 8L) {
				return false;
			}
			int data = pos + 8;
			if (kind.equals("VP8 ")) {
				if (size < 10 || (b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01
						|| (b[data + 5] & 0xFF) != 0x2A || (in.getShort(data + 6) & 0x3FFF) == 0
						|| (in.getShort(data + 8) & 0x3FFF) == 0) {
					return false;
				}
				image = true;
			}
			else if (kind.equals("VP8L")) {
				if (size < 5 || (b[data] & 0xFF) != 0x2F) {
					return false;
				}
				image = true;
			}
			else if (!kind.equals("ALPH") && !kind.equals("ANMF") && containsMarkup(b, data, (int) size)) {
				return false;
			}
			pos = data + (int) padded;
		}
		return image && pos == b.length;
	}

	/**
	 * A file name safe to store and to send back in a header: no path, no control
	 * characters, no invisible formatting characters (the bidi override that shows
	 * {@code photo\u202Egnp.exe} as "photoexe.png"), no line separators or lone
	 * surrogates, no quotes or semicolons.
	 */
	public static String cleanName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		StringBuilder sb = new StringBuilder();
		base.codePoints().filter(AttachmentPolicy::allowedInName).forEach(sb::appendCodePoint);
		String clean = sb.toString().strip();
		// no hidden files, no "." or ".." as a name
		while (clean.startsWith(".")) {
			clean = clean.substring(1).strip();
		}
		if (clean.isEmpty()) {
			clean = "attachment";
		}
		if (clean.length() > 120) {
			int cut = clean.length() - 120;
			if (Character.isLowSurrogate(clean.charAt(cut))) {
				cut++;
			}
			clean = clean.substring(cut);
		}
		return clean;
	}

	private static boolean allowedInName(int cp) {
		if (cp == '"' || cp == ';') {
			return false;
		}
		return switch (Character.getType(cp)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
				false;
			default -> true;
		};
	}

}
