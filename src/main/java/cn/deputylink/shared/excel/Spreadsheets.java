package cn.deputylink.shared.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the .xlsx files of list import and export. Reading is defensive: a
 * file that is not a workbook, is too large, or does not start with the list's header row
 * is refused with a message, never an exception the user sees as a crash.
 */
public final class Spreadsheets {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * More rows than any county list has; a bigger upload is refused rather than read.
	 */
	public static final int MAX_ROWS = 20_000;

	static {
		// zip-bomb guard: refuse entries that inflate more than 100x
		ZipSecureFile.setMinInflateRatio(0.01);
	}

	private Spreadsheets() {
	}

	/** A workbook of one sheet: a bold header row and the rows below it. */
	public static byte[] write(String sheetName, List<String> headers, List<? extends List<?>> rows) {
		return write(sheetName, null, headers, rows);
	}

	/**
	 * A workbook of one sheet: a title row (bold, larger; none when {@code title} is
	 * null), a bold header row and the rows below it. Numbers are written as numeric
	 * cells.
	 */
	public static byte[] write(String sheetName, @Nullable String title, List<String> headers,
			List<? extends List<?>> rows) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(sheetName);
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			int first = 0;
			if (title != null) {
				CellStyle big = wb.createCellStyle();
				Font large = wb.createFont();
				large.setBold(true);
				large.setFontHeightInPoints((short) 14);
				big.setFont(large);
				Cell t = sheet.createRow(first++).createCell(0);
				t.setCellValue(title);
				t.setCellStyle(big);
			}
			Row head = sheet.createRow(first);
			for (int i = 0; i < headers.size(); i++) {
				Cell c = head.createCell(i);
				c.setCellValue(headers.get(i));
				c.setCellStyle(bold);
				sheet.setColumnWidth(i, 20 * 256);
			}
			int r = first + 1;
			for (List<?> row : rows) {
				Row x = sheet.createRow(r++);
				for (int i = 0; i < row.size(); i++) {
					Object v = row.get(i);
					if (v instanceof Number n) {
						x.createCell(i).setCellValue(n.doubleValue());
					}
					else if (v != null) {
						x.createCell(i).setCellValue(v.toString());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A workbook for print: each sheet with its bold header row repeated on every page
	 * and frozen, its column widths, A4 paper (landscape where asked), fit to one page
	 * wide, margins of 1.5 cm (2 cm at the top and bottom, for the page header and
	 * footer), the sheet's page header centred and {@code footer} (e.g.
	 * {@code "第 &P 页 共 &N 页"}, {@code &P} the page, {@code &N} the pages) as the footer.
	 * Numbers are written as numeric cells.
	 */
	public static byte[] writePrinted(List<PrintedSheet> sheets, String footer) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			bold.setWrapText(true);
			CellStyle wrap = wb.createCellStyle();
			wrap.setWrapText(true);
			for (PrintedSheet ps : sheets) {
				Sheet sheet = wb.createSheet(ps.name());
				Row head = sheet.createRow(0);
				for (int i = 0; i < ps.headers().size(); i++) {
					Cell c = head.createCell(i);
					c.setCellValue(ps.headers().get(i));
					c.setCellStyle(bold);
					int width = i < ps.widths().size() ? ps.widths().get(i) : 12;
					sheet.setColumnWidth(i, Math.min(255, Math.max(4, width)) * 256);
				}
				int r = 1;
				for (List<?> row : ps.rows()) {
					Row x = sheet.createRow(r++);
					for (int i = 0; i < row.size(); i++) {
						Object v = row.get(i);
						if (v instanceof Number n) {
							x.createCell(i).setCellValue(n.doubleValue());
						}
						else if (v != null) {
							Cell c = x.createCell(i);
							c.setCellValue(v.toString());
							c.setCellStyle(wrap);
						}
					}
				}
				sheet.createFreezePane(0, 1);
				sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
				PrintSetup print = sheet.getPrintSetup();
				print.setPaperSize(PrintSetup.A4_PAPERSIZE);
				print.setLandscape(ps.landscape());
				sheet.setFitToPage(true);
				sheet.setAutobreaks(true);
				print.setFitWidth((short) 1);
				print.setFitHeight((short) 0);
				sheet.setMargin(PageMargin.LEFT, 0.6);
				sheet.setMargin(PageMargin.RIGHT, 0.6);
				sheet.setMargin(PageMargin.TOP, 0.8);
				sheet.setMargin(PageMargin.BOTTOM, 0.8);
				sheet.setMargin(PageMargin.HEADER, 0.3);
				sheet.setMargin(PageMargin.FOOTER, 0.3);
				sheet.getHeader().setCenter(ps.pageHeader());
				sheet.getFooter().setCenter(footer);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The data rows of the first sheet. The first row must carry the list's headers (in
	 * either language: {@code acceptedHeaders} holds each column's accepted names); blank
	 * rows are skipped.
	 */
	public static List<SheetRow> read(InputStream in, List<Set<String>> acceptedHeaders) {
		return read(in, acceptedHeaders, List.of());
	}

	/**
	 * The data rows as {@link #read(InputStream, List)} reads them, each followed by the
	 * cells of the optional columns: found by their header anywhere after the required
	 * ones (an export's extra columns), empty where the file has no such column (a
	 * filled-in template).
	 */
	public static List<SheetRow> read(InputStream in, List<Set<String>> acceptedHeaders,
			List<Set<String>> optionalHeaders) {
		try (Workbook wb = open(in)) {
			if (wb.getNumberOfSheets() == 0) {
				throw new SpreadsheetException("import.error.empty");
			}
			Sheet sheet = wb.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new SpreadsheetException("import.error.tooManyRows");
			}
			DataFormatter fmt = new DataFormatter();
			Row head = sheet.getRow(sheet.getFirstRowNum());
			if (head == null || !headerMatches(head, acceptedHeaders, fmt)) {
				throw new SpreadsheetException("import.error.wrongTemplate");
			}
			List<Integer> positions = new ArrayList<>();
			for (Set<String> names : optionalHeaders) {
				int found = -1;
				for (int i = acceptedHeaders.size(); i < head.getLastCellNum() && found < 0; i++) {
					Cell c = head.getCell(i);
					if (c != null && names.contains(fmt.formatCellValue(c).strip())) {
						found = i;
					}
				}
				positions.add(found);
			}
			List<SheetRow> rows = new ArrayList<>();
			for (int r = head.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				List<String> cells = new ArrayList<>();
				boolean blank = true;
				for (int i = 0; i < acceptedHeaders.size(); i++) {
					Cell c = row.getCell(i);
					String v = c == null ? "" : fmt.formatCellValue(c).strip();
					blank &= v.isEmpty();
					cells.add(v);
				}
				for (int i : positions) {
					Cell c = i < 0 ? null : row.getCell(i);
					String v = c == null ? "" : fmt.formatCellValue(c).strip();
					blank &= v.isEmpty();
					cells.add(v);
				}
				if (!blank) {
					rows.add(new SheetRow(r + 1, cells));
				}
			}
			if (rows.isEmpty()) {
				throw new SpreadsheetException("import.error.noRows");
			}
			return rows;
		}
		catch (IOException ex) {
			throw new SpreadsheetException("import.error.unreadable", ex);
		}
	}

	private static Workbook open(InputStream in) {
		try {
			Workbook wb = WorkbookFactory.create(in);
			if (!(wb instanceof XSSFWorkbook)) {
				wb.close();
				throw new SpreadsheetException("import.error.notXlsx");
			}
			return wb;
		}
		catch (SpreadsheetException ex) {
			throw ex;
		}
		catch (Exception | OutOfMemoryError ex) {
			// POI answers a non-workbook, a corrupt zip or a zip bomb with assorted
			// exceptions
			throw new SpreadsheetException("import.error.unreadable", ex);
		}
	}

	private static boolean headerMatches(Row head, List<Set<String>> accepted, DataFormatter fmt) {
		for (int i = 0; i < accepted.size(); i++) {
			Cell c = head.getCell(i);
			String v = c == null ? "" : fmt.formatCellValue(c).strip();
			if (!accepted.get(i).contains(v)) {
				return false;
			}
		}
		return true;
	}

}
