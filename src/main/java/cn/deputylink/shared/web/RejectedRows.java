package cn.deputylink.shared.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;

import cn.deputylink.shared.excel.ImportRejectedException;

/**
 * The bad rows of a rejected import, for the {@code fragments/forms :: importErrors}
 * table: each row number with its message in the reader's language, and how many rows are
 * wrong.
 */
@NamedInterface("web")
public final class RejectedRows {

	/** One bad row and what is wrong with it. */
	public record RowMessage(int row, String message) {
	}

	private RejectedRows() {
	}

	public static void addTo(Model model, ImportRejectedException ex, MessageSource messages, Locale locale) {
		List<RowMessage> rows = ex.errors()
			.stream()
			.map(e -> new RowMessage(e.row(), message(messages, e.messageKey(), e.args(), locale)))
			.toList();
		model.addAttribute("rowErrors", rows);
		model.addAttribute("badRows", rows.stream().map(RowMessage::row).distinct().count());
	}

	private static String message(MessageSource messages, String key, Object[] args, Locale locale) {
		String m = messages.getMessage(key, args, key, locale);
		return m == null ? key : m;
	}

}
