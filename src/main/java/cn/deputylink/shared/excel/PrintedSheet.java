package cn.deputylink.shared.excel;

import java.util.List;

/**
 * One sheet of a workbook meant for print (a ledger): a bold header row repeated on every
 * printed page and frozen on screen, the rows below it, each column's width in
 * characters, the page header's text (a title) and whether the page is landscape. Printed
 * on A4, fit to one page wide, page numbers in the footer.
 */
public record PrintedSheet(String name, String pageHeader, List<String> headers, List<? extends List<?>> rows,
		List<Integer> widths, boolean landscape) {

	public PrintedSheet {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
		widths = List.copyOf(widths);
	}

}
