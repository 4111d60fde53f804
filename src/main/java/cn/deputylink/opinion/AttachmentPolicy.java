package cn.deputylink.opinion;

import java.util.Optional;

/**
 * What may be attached: JPEG, PNG, WebP photos and PDF documents, recognised by their first bytes.
 * The name and the declared type of an upload are never trusted: an executable renamed
 * {@code photo.jpg} is refused.
 */
final class AttachmentPolicy {

	private AttachmentPolicy() {
	}

	static Optional<String> sniff(byte[] b) {
		if (starts(b, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
			return Optional.of("image/webp");
		}
		if (starts(b, '%', 'P', 'D', 'F', '-')) {
			return Optional.of("application/pdf");
		}
		return Optional.empty();
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

	/** A file name safe to store and to send back in a header: no path, no control characters. */
	static String cleanName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		StringBuilder sb = new StringBuilder();
		base.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '"' && cp != ';').forEach(sb::appendCodePoint);
		String clean = sb.toString().strip();
		if (clean.isEmpty()) {
			clean = "attachment";
		}
		return clean.length() > 120 ? clean.substring(clean.length() - 120) : clean;
	}
}
