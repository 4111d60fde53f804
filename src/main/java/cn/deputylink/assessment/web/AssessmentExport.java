package cn.deputylink.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.deputylink.assessment.UnitScore;
import cn.deputylink.assessment.UnitTable;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * A year's table as an Excel file: a title row (the year, the day it was computed, the
 * marks), the header, one row per unit in the table's order; counts, rates (percent) and
 * the score are numeric cells, an empty cell where there is no data.
 */
@Component
class AssessmentExport {

	/** The columns, as message keys {@code assessment.col.<name>}. */
	static final List<String> COLUMNS = List.of("rank", "unit", "tier", "proposalsLed", "proposalsCo",
			"proposalsOnTime", "proposalsLate", "proposalsOpenOverdue", "proposalsReplied", "proposalsFavourable",
			"evaluationsSatisfied", "evaluationsBasicallySatisfied", "evaluationsUnsatisfied", "proposalTimelinessRate",
			"proposalFavourableRate", "proposalSatisfactionRate", "opinionsAssigned", "opinionsOnTime", "opinionsLate",
			"opinionsOpenOverdue", "ratingsSatisfied", "ratingsBasicallySatisfied", "ratingsUnsatisfied",
			"opinionsClosed", "opinionsResolved", "opinionTimelinessRate", "opinionSatisfactionRate",
			"opinionResolvedRate", "score", "grade");

	private final MessageSource messages;

	AssessmentExport(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<byte[]> xlsx(UnitTable table, Locale locale) {
		List<String> headers = COLUMNS.stream().map(c -> msg("assessment.col." + c, locale)).toList();
		List<List<@Nullable Object>> data = new ArrayList<>();
		for (UnitScore r : table.items()) {
			List<@Nullable Object> row = new ArrayList<>();
			row.add(r.rank());
			row.add(r.departmentName());
			row.add(r.tier() == null ? "" : msg("tier." + r.tier(), locale));
			row.add(r.proposalsLed());
			row.add(r.proposalsCo());
			row.add(r.proposalsOnTime());
			row.add(r.proposalsLate());
			row.add(r.proposalsOpenOverdue());
			row.add(r.proposalsReplied());
			row.add(r.proposalsFavourable());
			row.add(r.evaluationsSatisfied());
			row.add(r.evaluationsBasicallySatisfied());
			row.add(r.evaluationsUnsatisfied());
			row.add(r.proposalTimelinessRate());
			row.add(r.proposalFavourableRate());
			row.add(r.proposalSatisfactionRate());
			row.add(r.opinionsAssigned());
			row.add(r.opinionsOnTime());
			row.add(r.opinionsLate());
			row.add(r.opinionsOpenOverdue());
			row.add(r.ratingsSatisfied());
			row.add(r.ratingsBasicallySatisfied());
			row.add(r.ratingsUnsatisfied());
			row.add(r.opinionsClosed());
			row.add(r.opinionsResolved());
			row.add(r.opinionTimelinessRate());
			row.add(r.opinionSatisfactionRate());
			row.add(r.opinionResolvedRate());
			row.add(r.score());
			row.add(r.grade() == null ? msg("assessment.grade.none", locale)
					: msg("assessment.grade." + r.grade(), locale));
			data.add(row);
		}
		String title = Objects.requireNonNullElse(
				messages.getMessage("assessment.export.title", new Object[] { table.year(), table.asOf().toString(),
						table.formula().passMark(), table.formula().excellentMark() }, "", locale),
				"");
		byte[] body = Spreadsheets.write(msg("assessment.export.sheet", locale), title, headers, data);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(msg("assessment.export.file", locale) + "-" + table.year() + ".xlsx", StandardCharsets.UTF_8)
				.build()
				.toString())
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	private String msg(String key, Locale locale) {
		return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
	}

}
