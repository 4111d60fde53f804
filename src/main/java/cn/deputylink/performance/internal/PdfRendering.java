package cn.deputylink.performance.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.deputylink.performance.PerformanceFile;

/**
 * The performance file as a PDF: the Thymeleaf template {@code performance/pdf} (the
 * page's figures fragment, the same model) rendered by openhtmltopdf, with the CJK font
 * shipped in the application ({@code fonts/DroidSansFallbackFull.ttf}, Apache-2.0, a
 * glyf-based TrueType) embedded as a subset, so Chinese stays text whatever fonts the
 * server has.
 */
@Component
public class PdfRendering {

	/** The family name the template's CSS asks for. */
	public static final String FONT_FAMILY = "DeputyLink CJK";

	static final String FONT = "/fonts/DroidSansFallbackFull.ttf";

	private final ITemplateEngine templates;

	PdfRendering(ITemplateEngine templates) {
		this.templates = templates;
	}

	public byte[] render(PerformanceFile file, Locale locale) {
		Context ctx = new Context(locale);
		ctx.setVariable("file", file);
		ctx.setVariable("months", CalendarView.months(file));
		ctx.setVariable("marks", List.of(PerformanceFile.Mark.values()));
		String html = templates.process("performance/pdf", ctx);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(PdfRendering::font, FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(PdfRendering::font, FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The font's bytes for both registered weights of every PDF: read from the
	 * application once, on the first PDF (not at start-up), instead of twice per PDF.
	 */
	private static InputStream font() {
		return new ByteArrayInputStream(Font.BYTES);
	}

	/** Loaded when first used (the holder idiom: once, thread-safe, no lock). */
	private static final class Font {

		static final byte[] BYTES = load();

		private static byte[] load() {
			try (InputStream in = PdfRendering.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException("font missing from the application: " + FONT);
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
