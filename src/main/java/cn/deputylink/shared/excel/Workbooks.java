package cn.deputylink.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Workbooks of several sheets for printing: each sheet with a title row, a bold header
 * row, its rows, and an optional bold last row (a total); the money columns as numeric
 * cells formatted {@code #,##0.00}; A4 pages, landscape, fitted to the page width, the
 * header row repeated on every page.
 */
public final class Workbooks {

	private Workbooks() {
	}

	/**
	 * One sheet: {@code total} (may be null) is written bold after the rows; the columns
	 * in {@code moneyColumns} (0-based) get the money format.
	 */
	public record SheetSpec(String name, @Nullable String title, List<String> headers, List<? extends List<?>> rows,
			@Nullable List<?> total, Set<Integer> moneyColumns) {
	}

	public static byte[] write(List<SheetSpec> sheets) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Font boldFont = wb.createFont();
			boldFont.setBold(true);
			Font largeFont = wb.createFont();
			largeFont.setBold(true);
			largeFont.setFontHeightInPoints((short) 14);
			short moneyFormat = wb.createDataFormat().getFormat("#,##0.00");
			CellStyle bold = wb.createCellStyle();
			bold.setFont(boldFont);
			CellStyle big = wb.createCellStyle();
			big.setFont(largeFont);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(moneyFormat);
			CellStyle boldMoney = wb.createCellStyle();
			boldMoney.setDataFormat(moneyFormat);
			boldMoney.setFont(boldFont);
			for (SheetSpec spec : sheets) {
				Sheet sheet = wb.createSheet(spec.name());
				int r = 0;
				if (spec.title() != null) {
					Cell t = sheet.createRow(r++).createCell(0);
					t.setCellValue(spec.title());
					t.setCellStyle(big);
				}
				Row head = sheet.createRow(r);
				for (int i = 0; i < spec.headers().size(); i++) {
					Cell c = head.createCell(i);
					c.setCellValue(spec.headers().get(i));
					c.setCellStyle(bold);
					sheet.setColumnWidth(i, 18 * 256);
				}
				sheet.setRepeatingRows(new CellRangeAddress(r, r, -1, -1));
				r++;
				for (List<?> row : spec.rows()) {
					fill(sheet.createRow(r++), row, spec.moneyColumns(), money, null);
				}
				if (spec.total() != null) {
					fill(sheet.createRow(r), spec.total(), spec.moneyColumns(), boldMoney, bold);
				}
				PrintSetup print = sheet.getPrintSetup();
				print.setPaperSize(PrintSetup.A4_PAPERSIZE);
				print.setLandscape(true);
				print.setFitWidth((short) 1);
				print.setFitHeight((short) 0);
				sheet.setFitToPage(true);
				sheet.setAutobreaks(true);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void fill(Row x, List<?> row, Set<Integer> moneyColumns, CellStyle money, @Nullable CellStyle text) {
		for (int i = 0; i < row.size(); i++) {
			Object v = row.get(i);
			Cell c = x.createCell(i);
			if (v instanceof BigDecimal d) {
				// a cell holds a double; two decimals of yuan below 10^13 survive it
				// exactly
				c.setCellValue(d.doubleValue());
			}
			else if (v instanceof Number n) {
				c.setCellValue(n.doubleValue());
			}
			else if (v != null) {
				c.setCellValue(v.toString());
			}
			if (moneyColumns.contains(i)) {
				c.setCellStyle(money);
			}
			else if (text != null) {
				c.setCellStyle(text);
			}
		}
	}

}
