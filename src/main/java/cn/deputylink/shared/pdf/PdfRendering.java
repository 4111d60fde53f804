package cn.deputylink.shared.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * A Thymeleaf template rendered as a PDF by openhtmltopdf, with the CJK font shipped in
 * the application ({@code fonts/DroidSansFallbackFull.ttf}, Apache-2.0, a glyf-based
 * TrueType) embedded as a subset, so Chinese stays text whatever fonts the server has.
 * The template's CSS asks for the family {@link #FONT_FAMILY}.
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

	/** The template (an XHTML document) with the variables, in the given language. */
	public byte[] render(String template, Map<String, Object> variables, Locale locale) {
		Context ctx = new Context(locale);
		ctx.setVariables(variables);
		return html(templates.process(template, ctx));
	}

	/** A well-formed XHTML document as a PDF. */
	public byte[] html(String html) {
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
