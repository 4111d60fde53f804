package cn.deputylink.opinion.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Text similarity for duplicate suggestions. Chinese has no spaces between words, so
 * texts are compared as multisets of character bigrams (two adjacent letters or
 * ideographs, punctuation and spaces dropped, full-width folded, Latin lower-cased),
 * scored with the Dice coefficient: 1 for the same text, 0 for nothing in common.
 */
public final class Similarity {

	private Similarity() {
	}

	public static double dice(String a, String b) {
		Map<String, Integer> x = bigrams(a);
		Map<String, Integer> y = bigrams(b);
		int sizeX = x.values().stream().mapToInt(Integer::intValue).sum();
		int sizeY = y.values().stream().mapToInt(Integer::intValue).sum();
		if (sizeX == 0 || sizeY == 0) {
			return 0;
		}
		int common = 0;
		for (Map.Entry<String, Integer> e : x.entrySet()) {
			common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
		}
		return 2.0 * common / (sizeX + sizeY);
	}

	static String normalise(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				cp -= 0xFEE0; // full-width ASCII to half-width
			}
			if (Character.isLetterOrDigit(cp)) {
				sb.appendCodePoint(Character.toLowerCase(cp));
			}
		});
		return sb.toString();
	}

	private static Map<String, Integer> bigrams(String text) {
		String s = normalise(text);
		Map<String, Integer> grams = new HashMap<>();
		int[] cps = s.codePoints().toArray();
		if (cps.length == 1) {
			grams.put(new String(cps, 0, 1), 1);
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			grams.merge(new String(cps, i, 2), 1, Integer::sum);
		}
		return grams;
	}

}
