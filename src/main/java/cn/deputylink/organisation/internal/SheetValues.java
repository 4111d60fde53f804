package cn.deputylink.organisation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.shared.Masking;

/**
 * Values as people write them in a sheet, and how they are matched to the registry's
 * records.
 */
final class SheetValues {

	/** Page size when reading whole lists through the services (their maximum). */
	static final int PAGE = 500;

	/** The languages a header or a value may be written in. */
	static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\r\\n]+");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[0-9]{10}(?![0-9])");

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

	private SheetValues() {
	}

	/** A message that has a default, so never null. */
	static String message(MessageSource messages, String key, String fallback, Locale locale) {
		return Objects.requireNonNullElse(messages.getMessage(key, null, fallback, locale), fallback);
	}

	/**
	 * The items of a list cell: "甲村、乙村,丙村；丁村" — any of the separators people use, blanks
	 * dropped.
	 */
	static List<String> splitList(@Nullable String cell) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return SEPARATORS.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	/** Case, spaces, underscores and hyphens do not matter when a value is matched. */
	static String normalize(String text) {
		return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u3000_\\-]+", "");
	}

	/** A township by its name or its code (case-insensitive). */
	static Optional<Township> matchTownship(String text, List<Township> townships) {
		String t = text.strip();
		return townships.stream()
			.filter(x -> x.name().equals(t))
			.findFirst()
			.or(() -> townships.stream().filter(x -> x.code().equalsIgnoreCase(t)).findFirst());
	}

	/**
	 * The stations a name denotes: every station of that name, or — written "乡镇/工作室" —
	 * the one of that township. More than one means the name is ambiguous.
	 */
	static List<Station> matchStations(String text, List<Station> stations, List<Township> townships) {
		String t = text.strip();
		List<Station> exact = stations.stream().filter(s -> s.name().equals(t)).toList();
		int slash = Math.max(t.indexOf('/'), t.indexOf('／'));
		if (!exact.isEmpty() || slash <= 0) {
			return exact;
		}
		String name = t.substring(slash + 1).strip();
		return matchTownship(t.substring(0, slash), townships)
			.map(tw -> stations.stream().filter(s -> s.townshipId() == tw.id() && s.name().equals(name)).toList())
			.orElse(List.of());
	}

	/** A category by its code (any case), its Chinese or its English name. */
	static Optional<Category> matchCategory(String text, List<Category> categories) {
		String t = text.strip();
		return categories.stream()
			.filter(c -> c.code().equalsIgnoreCase(t) || c.nameZh().equals(t) || c.nameEn().equalsIgnoreCase(t))
			.findFirst();
	}

	/**
	 * Free text (a liaison officer's "name + phone") with mobile and ID numbers masked.
	 */
	static @Nullable String maskFreeText(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String out = ID_NUMBER.matcher(text)
			.replaceAll(m -> Matcher.quoteReplacement(String.valueOf(Masking.idNumber(m.group()))));
		return MOBILE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(String.valueOf(Masking.phone(m.group()))));
	}

	/**
	 * How a deputy's stations are written: the station's name, or "乡镇/工作室" where two
	 * visible stations share a name — the form the import reads back.
	 */
	static Map<Long, String> stationLabels(List<Station> stations, Map<Long, String> townshipNames) {
		Map<String, Long> counts = stations.stream()
			.collect(Collectors.groupingBy(Station::name, Collectors.counting()));
		Map<Long, String> labels = new HashMap<>();
		for (Station s : stations) {
			labels.put(s.id(), counts.getOrDefault(s.name(), 0L) > 1
					? townshipNames.getOrDefault(s.townshipId(), "") + "/" + s.name() : s.name());
		}
		return labels;
	}

	/** Every row of a registry list, read page by page (keyset). */
	static <T> List<T> all(LongFunction<List<T>> page, ToLongFunction<T> id) {
		List<T> out = new ArrayList<>();
		long after = 0;
		while (true) {
			List<T> rows = page.apply(after);
			out.addAll(rows);
			if (rows.size() < PAGE) {
				return out;
			}
			after = id.applyAsLong(rows.get(rows.size() - 1));
		}
	}

}
