package cn.deputylink.standards.internal;

import java.util.ArrayList;
import java.util.List;

import cn.deputylink.shared.AttachmentPolicy;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Upload;

/**
 * The attachment rules of activities' photos ({@link AttachmentPolicy}): the type from
 * the content, a whole JPEG, PNG or WebP image, at most so many bytes (413) and so many
 * photos per inspection (400). Empty parts (a form without a file) are left out.
 */
public final class PhotoChecks {

	/** A photo that passed the checks. */
	public record Photo(String name, String type, byte[] bytes, String sha256) {
	}

	private PhotoChecks() {
	}

	public static List<Photo> check(List<Upload> files, int existing, long maxBytes, int maxPhotos) {
		List<Upload> real = files.stream().filter(f -> f.bytes().length > 0).toList();
		if (existing + real.size() > maxPhotos) {
			throw new InvalidInputException("photos", "standards.photo.tooMany", maxPhotos);
		}
		List<Photo> out = new ArrayList<>();
		for (Upload f : real) {
			if (f.bytes().length > maxBytes) {
				throw new AttachmentTooLargeException(maxBytes / (1024 * 1024));
			}
			String name = AttachmentPolicy.cleanName(f.filename());
			String type = AttachmentPolicy.photoType(f.bytes())
				.orElseThrow(() -> new InvalidInputException("photos", "standards.photo.type", name));
			out.add(new Photo(name, type, f.bytes(), Digests.sha256Hex(f.bytes())));
		}
		return out;
	}

}
