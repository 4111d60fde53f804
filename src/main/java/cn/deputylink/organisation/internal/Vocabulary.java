package cn.deputylink.organisation.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

import cn.deputylink.organisation.DeputyLevel;
import cn.deputylink.organisation.Facility;
import cn.deputylink.organisation.Tier;

/** The enums a sheet names in words, and the words of the status column (启用/停用). */
record Vocabulary(Vocabulary.Labels<Facility> facilities, Vocabulary.Labels<DeputyLevel> levels,
		Vocabulary.Labels<Tier> tiers, Map<String, Boolean> statuses) {

	static Vocabulary of(MessageSource messages) {
		Map<String, Boolean> statuses = new HashMap<>();
		for (Locale l : SheetValues.LANGUAGES) {
			statuses.put(SheetValues.normalize(SheetValues.message(messages, "import.value.active", "active", l)),
					true);
			statuses.put(SheetValues.normalize(SheetValues.message(messages, "import.value.inactive", "inactive", l)),
					false);
		}
		statuses.putIfAbsent("active", true);
		statuses.putIfAbsent("inactive", false);
		return new Vocabulary(new Labels<>(Facility.class, "facility.", messages),
				new Labels<>(DeputyLevel.class, "level.", messages), new Labels<>(Tier.class, "tier.", messages),
				Map.copyOf(statuses));
	}

	Optional<Boolean> status(String text) {
		return Optional.ofNullable(statuses.get(SheetValues.normalize(text)));
	}

	/**
	 * The names an enum's values go by: the code ({@code COUNTY}), the label in either
	 * language ({@code prefix + code}, shared with the pages) and the aliases people also
	 * write ({@code import.alias.<prefix><code>}, e.g. 县 or 县人大代表).
	 */
	static final class Labels<E extends Enum<E>> {

		private final Class<E> type;

		private final String prefix;

		private final MessageSource messages;

		private final Map<String, E> byText = new HashMap<>();

		Labels(Class<E> type, String prefix, MessageSource messages) {
			this.type = type;
			this.prefix = prefix;
			this.messages = messages;
			E[] values = type.getEnumConstants();
			for (E e : values) {
				byText.put(SheetValues.normalize(e.name()), e);
			}
			for (Locale l : SheetValues.LANGUAGES) {
				for (E e : values) {
					byText.putIfAbsent(SheetValues.normalize(label(e, l)), e);
				}
			}
			for (Locale l : SheetValues.LANGUAGES) {
				for (E e : values) {
					for (String alias : SheetValues
						.splitList(messages.getMessage("import.alias." + prefix + e.name(), null, "", l))) {
						byText.putIfAbsent(SheetValues.normalize(alias), e);
					}
				}
			}
		}

		String label(E value, Locale locale) {
			return SheetValues.message(messages, prefix + value.name(), value.name(), locale);
		}

		Optional<E> match(String text) {
			return Optional.ofNullable(byText.get(SheetValues.normalize(text)));
		}

		EnumSet<E> none() {
			return EnumSet.noneOf(type);
		}

	}
}
