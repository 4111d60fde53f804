package cn.deputylink.opinion.web;

/** How attachments are named and sized on the pages. */
final class AttachmentNames {

	private AttachmentNames() {
	}

	/**
	 * The last part of a name a browser sent (some send a whole path), at most 80
	 * characters.
	 */
	static String shortName(String name) {
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		return last.length() <= 80 ? last : last.substring(0, 80);
	}

}
