package cn.deputylink.opinion.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.DeadlineColour;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.Deadlines;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * The opinion list as an Excel file, with the same filters and scope as the list.
 * Personal information stays masked (name 张*, phone 138****5678), as in the list.
 */
@Component
class OpinionExport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final OpinionQueries queries;

	private final RegistryLookup registryLookup;

	private final MessageSource messages;

	OpinionExport(OpinionQueries queries, RegistryLookup registryLookup, MessageSource messages) {
		this.queries = queries;
		this.registryLookup = registryLookup;
		this.messages = messages;
	}

	ResponseEntity<byte[]> xlsx(OpinionFilter filter, CurrentUser me, Locale locale) {
		List<Opinion> rows = queries.list(filter, me, 0, Spreadsheets.MAX_ROWS, 0);
		Set<Long> townships = new HashSet<>();
		Set<Long> stations = new HashSet<>();
		Set<Long> villages = new HashSet<>();
		Set<Long> departments = new HashSet<>();
		for (Opinion o : rows) {
			add(townships, o.townshipId());
			add(stations, o.stationId());
			add(villages, o.villageId());
			add(departments, o.departmentId());
		}
		Map<Long, String> townshipNames = registryLookup.townshipNames(townships);
		Map<Long, String> stationNames = registryLookup.stationNames(stations);
		Map<Long, String> villageNames = registryLookup.villageNames(villages);
		Map<Long, String> departmentNames = registryLookup.departmentNames(departments);
		Map<String, Category> categories = registryLookup.activeCategoriesByCode();
		List<String> headers = List
			.of("trackingCode", "status", "source", "receivedAt", "township", "station", "village", "category",
					"department", "dueDate", "deadline", "outcome", "satisfaction", "constituent", "phone", "content")
			.stream()
			.map(h -> msg("opinions.export." + h, locale))
			.toList();
		List<List<Object>> data = new ArrayList<>();
		Deadlines deadlines = queries.deadlines();
		for (Opinion o : rows) {
			DeadlineColour colour = deadlines.colour(o);
			List<Object> r = new ArrayList<>();
			r.add(o.trackingCode());
			r.add(msg("opinion.status." + o.status(), locale));
			r.add(msg("opinion.source." + o.source(), locale));
			r.add(TIME.format(o.receivedAt()));
			r.add(name(townshipNames, o.townshipId()));
			r.add(name(stationNames, o.stationId()));
			r.add(name(villageNames, o.villageId()));
			Category category = o.categoryCode() == null ? null : categories.get(o.categoryCode());
			r.add(category != null ? category.name(locale) : o.categoryCode() == null ? "" : o.categoryCode());
			r.add(name(departmentNames, o.departmentId()));
			r.add(o.dueDate() == null ? "" : o.dueDate().toString());
			r.add(colour == null ? "" : msg("opinion.colour." + colour, locale));
			r.add(o.outcome() == null ? "" : msg("opinion.outcome." + o.outcome(), locale));
			r.add(o.satisfaction() == null ? "" : msg("opinion.satisfaction." + o.satisfaction(), locale));
			r.add(o.anonymous() ? msg("opinions.anonymous", locale) : text(o.constituentNameMasked()));
			r.add(text(o.phoneMasked()));
			r.add(o.content());
			data.add(r);
		}
		byte[] body = Spreadsheets.write(msg("opinions.title", locale), headers, data);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(msg("opinions.export.file", locale) + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	private String msg(String key, Locale locale) {
		return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
	}

	private static String text(@Nullable String s) {
		return s == null ? "" : s;
	}

	private static String name(Map<Long, String> names, @Nullable Long id) {
		return id == null ? "" : names.getOrDefault(id, "");
	}

	private static void add(Set<Long> set, @Nullable Long id) {
		if (id != null) {
			set.add(id);
		}
	}

}
