package cn.deputylink.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.ObligationTracker;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.performance.internal.CalendarView;
import cn.deputylink.performance.internal.DeputyFacts;
import cn.deputylink.performance.internal.FactsReader;
import cn.deputylink.performance.internal.FileAssembler;
import cn.deputylink.performance.internal.PerformanceScope;
import cn.deputylink.performance.internal.PointsStore;
import cn.deputylink.shared.pdf.PdfRendering;

/**
 * A deputy's performance file (履职档案) of a year, as figures and as a PDF. The deputy
 * itself, a township admin for the deputies of its township's stations, the county admin;
 * others 403, an unknown deputy 404, a year outside 2000–2100 400. The default year is
 * the county's current one.
 */
@Service
public class PerformanceFiles {

	private final PerformanceScope scope;

	private final FactsReader reader;

	private final ObligationTracker obligations;

	private final RegistryLookup registry;

	private final PointsStore schemes;

	private final PdfRendering pdf;

	PerformanceFiles(PerformanceScope scope, FactsReader reader, ObligationTracker obligations, RegistryLookup registry,
			PointsStore schemes, PdfRendering pdf) {
		this.scope = scope;
		this.reader = reader;
		this.obligations = obligations;
		this.registry = registry;
		this.schemes = schemes;
		this.pdf = pdf;
	}

	@Transactional(readOnly = true)
	public PerformanceFile file(long deputyId, @Nullable Integer year, CurrentUser u) {
		scope.requireDeputy(deputyId, u);
		LocalDate today = reader.today();
		int y = scope.year(year, today.getYear());
		DeputyFacts facts = reader.read(List.of(deputyId), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), u)
			.get(deputyId);
		if (facts == null) {
			facts = new DeputyFacts(deputyId, List.of(), List.of(), List.of(), List.of());
		}
		String name = registry.deputyNames(List.of(deputyId)).getOrDefault(deputyId, "#" + deputyId);
		return FileAssembler.file(deputyId, name, y, today, facts, obligations.status(deputyId, y, u),
				schemes.scheme());
	}

	/** The file as a PDF (A4, the CJK font embedded) in the given language. */
	@Transactional(readOnly = true)
	public byte[] pdf(long deputyId, @Nullable Integer year, Locale locale, CurrentUser u) {
		return render(file(deputyId, year, u), locale);
	}

	/** The PDF of a file already read (the benchmark renders one model many times). */
	public byte[] render(PerformanceFile file, Locale locale) {
		return pdf.render("performance/pdf", Map.of("file", file, "months", CalendarView.months(file), "marks",
				List.of(PerformanceFile.Mark.values())), locale);
	}

}
