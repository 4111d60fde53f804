package cn.deputylink.shared.excel;

import java.util.List;

/**
 * One data row of an uploaded sheet: its row number as Excel shows it, and its cells as
 * text.
 */
public record SheetRow(int number, List<String> cells) {

	/** The trimmed text of column {@code i}; empty when the cell is blank or missing. */
	public String get(int i) {
		return i < cells.size() ? cells.get(i) : "";
	}
}
