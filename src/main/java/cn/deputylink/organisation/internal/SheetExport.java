package cn.deputylink.organisation.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import cn.deputylink.account.CurrentUser;

/**
 * What every export writes alike: for whom, in which language, the townships' names, and
 * the words of list cells and of the status column.
 */
record SheetExport(CurrentUser user, Locale locale, Map<Long, String> townshipNames, Vocabulary words,
		MessageSource messages) {

	/**
	 * Between the items of a list cell: what the import splits on, in the reader's
	 * language.
	 */
	String separator() {
		return "en".equals(locale.getLanguage()) ? ", " : "、";
	}

	String status(boolean active) {
		String key = active ? "import.value.active" : "import.value.inactive";
		return SheetValues.message(messages, key, active ? "active" : "inactive", locale);
	}

	@Nullable String townshipName(@Nullable Long id) {
		return id == null ? null : townshipNames.get(id);
	}

	String join(Stream<@Nullable String> values) {
		return values.filter(Objects::nonNull).collect(Collectors.joining(separator()));
	}

	static List<@Nullable Object> row(@Nullable Object... cells) {
		return Arrays.asList(cells);
	}
}
