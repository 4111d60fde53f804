package cn.deputylink.briefing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import cn.deputylink.briefing.BriefingView;
import cn.deputylink.briefing.HeadlineFigures;
import cn.deputylink.briefing.LeaderRow;
import cn.deputylink.briefing.TypicalCase;

/**
 * A briefing as a Word document (Apache POI XWPF): the masthead, the title and period,
 * the intro, the six figures as a table, the leading stations and deputies, the typical
 * cases and the body, in the same order as the page and the PDF.
 */
public final class BriefingDocx {

	/** The texts of the user's language. */
	@FunctionalInterface
	public interface Texts {

		String msg(String key, Object... args);

	}

	private static final String FONT = "SimSun";

	private BriefingDocx() {
	}

	/**
	 * The document; {@code published}: the publication time as the county reads it (null:
	 * a draft).
	 */
	public static byte[] write(BriefingView b, @Nullable String published, Texts t) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(doc, t.msg("briefing.masthead"), 26, true, ParagraphAlignment.CENTER);
			paragraph(doc, b.title(), 16, true, ParagraphAlignment.CENTER);
			paragraph(doc, t.msg("briefing.periodLine", b.scopeName(), b.from().toString(), b.to().toString()), 11,
					false, ParagraphAlignment.CENTER);
			text(doc, b.intro());
			paragraph(doc, t.msg("briefing.section.figures"), 13, true, ParagraphAlignment.LEFT);
			long[] values = b.figures().values();
			XWPFTable figures = doc.createTable(2, HeadlineFigures.KEYS.size());
			for (int i = 0; i < HeadlineFigures.KEYS.size(); i++) {
				figures.getRow(0).getCell(i).setText(t.msg(HeadlineFigures.KEYS.get(i)));
				figures.getRow(1).getCell(i).setText(Long.toString(values[i]));
			}
			leaders(doc, t, t.msg("briefing.section.stations"), t.msg("briefing.col.station"), b.leadingStations());
			leaders(doc, t, t.msg("briefing.section.deputies"), t.msg("briefing.col.deputy"), b.leadingDeputies());
			if (!b.typicalCases().isEmpty()) {
				paragraph(doc, t.msg("briefing.section.cases"), 13, true, ParagraphAlignment.LEFT);
				int n = 1;
				for (TypicalCase c : b.typicalCases()) {
					text(doc, n++ + ". " + c.text());
				}
			}
			if (!b.body().isBlank()) {
				paragraph(doc, t.msg("briefing.section.body"), 13, true, ParagraphAlignment.LEFT);
				text(doc, b.body());
			}
			paragraph(doc, published == null ? t.msg("briefing.draftMark") : t.msg("briefing.publishedLine", published),
					9, false, ParagraphAlignment.RIGHT);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void leaders(XWPFDocument doc, Texts t, String heading, String nameColumn, List<LeaderRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		paragraph(doc, heading, 13, true, ParagraphAlignment.LEFT);
		XWPFTable table = doc.createTable(rows.size() + 1, 5);
		String[] head = { t.msg("briefing.col.rank"), nameColumn, t.msg("briefing.figure.activities"),
				t.msg("briefing.figure.constituentsReceived"), t.msg("briefing.figure.opinions") };
		for (int i = 0; i < head.length; i++) {
			table.getRow(0).getCell(i).setText(head[i]);
		}
		for (int r = 0; r < rows.size(); r++) {
			LeaderRow l = rows.get(r);
			XWPFTableRow row = table.getRow(r + 1);
			row.getCell(0).setText(Integer.toString(r + 1));
			row.getCell(1).setText(l.name());
			row.getCell(2).setText(Long.toString(l.activities()));
			row.getCell(3).setText(Long.toString(l.constituentsReceived()));
			row.getCell(4).setText(Long.toString(l.opinions()));
		}
	}

	private static void text(XWPFDocument doc, String text) {
		for (String line : text.split("\\R")) {
			if (!line.isBlank()) {
				paragraph(doc, line, 11, false, ParagraphAlignment.LEFT);
			}
		}
	}

	private static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		XWPFRun run = p.createRun();
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(bold);
		run.setText(text);
	}

}
