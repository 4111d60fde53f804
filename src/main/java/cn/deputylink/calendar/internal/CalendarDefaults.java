package cn.deputylink.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped public holidays ({@code deputylink.calendar.defaults}, a CSV) at
 * startup into every year the database does not hold yet. A year is claimed in
 * {@code calendar_year} in the same transaction as its days are written, so with several
 * nodes starting at once each year is loaded once, and a year the county already keeps
 * (imported, edited, or loaded before) is never touched.
 */
@Component
class CalendarDefaults implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CalendarDefaults.class);

	private final CalendarAdmin admin;

	private final Resource source;

	CalendarDefaults(CalendarAdmin admin, ResourceLoader resources,
			@Value("${deputylink.calendar.defaults:classpath:calendar/cn-public-holidays.csv}") String location) {
		this.admin = admin;
		this.source = resources.getResource(location.isBlank() ? "classpath:calendar/none" : location);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!source.exists()) {
			log.info("No default calendar at {}", source);
			return;
		}
		List<SpecialDay> all;
		try (InputStream in = source.getInputStream()) {
			all = CalendarFiles.check(CalendarFiles.read(in.readAllBytes()), null);
		}
		Map<Integer, List<SpecialDay>> byYear = all.stream()
			.collect(Collectors.groupingBy(d -> d.date().getYear(), TreeMap::new, Collectors.toList()));
		byYear.forEach((year, list) -> {
			if (admin.loadDefaults(year, list)) {
				log.info("Loaded {} default special days of {}", list.size(), year);
			}
		});
	}

}
