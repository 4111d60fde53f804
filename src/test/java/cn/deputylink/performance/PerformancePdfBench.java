package cn.deputylink.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.support.IntegrationTest;

/**
 * The PDF benchmark ({@code bench/performance-pdf.sh}; not part of the suite, its name is
 * no test's): the demo county's deputies' files of the current year, the first PDF of the
 * JVM (cold: classes, the font parsed and subset for the first time), then
 * {@code -Dbench.files} more (warm), each read and rendered; prints ms per file and the
 * sizes, and writes them to {@code target/performance-pdf-bench.txt}.
 */
@IntegrationTest
class PerformancePdfBench {

	@Autowired
	PerformanceFiles files;

	@Autowired
	RegistryLookup registry;

	@Autowired
	Accounts accounts;

	@Test
	void renderFiles() throws IOException {
		int n = Integer.getInteger("bench.files", 50);
		UserAccount a = accounts.findByUsername("county").orElseThrow();
		CurrentUser county = new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(),
				a.stationId(), a.deputyId(), a.departmentId(), false, false, null, true, false);
		List<Long> deputies = new ArrayList<>(registry.stationsOfDeputies(null, null).keySet());
		assertThat(deputies).isNotEmpty();
		Locale zh = Locale.SIMPLIFIED_CHINESE;

		long t0 = System.nanoTime();
		byte[] first = files.pdf(deputies.get(0), null, zh, county);
		double coldMs = (System.nanoTime() - t0) / 1e6;

		long readNs = 0;
		long renderNs = 0;
		long bytes = 0;
		int min = Integer.MAX_VALUE;
		int max = 0;
		for (int i = 0; i < n; i++) {
			long id = deputies.get((i + 1) % deputies.size());
			long s = System.nanoTime();
			PerformanceFile f = files.file(id, null, county);
			long m = System.nanoTime();
			byte[] pdf = files.render(f, zh);
			long e = System.nanoTime();
			readNs += m - s;
			renderNs += e - m;
			bytes += pdf.length;
			min = Math.min(min, pdf.length);
			max = Math.max(max, pdf.length);
		}
		String report = String.format(Locale.ROOT,
				"performance PDF: cold first file %.0f ms (%d bytes); warm %d files: %.1f ms/file "
						+ "(read %.1f + render %.1f), size avg %d bytes (min %d, max %d)%n",
				coldMs, first.length, n, (readNs + renderNs) / 1e6 / n, readNs / 1e6 / n, renderNs / 1e6 / n, bytes / n,
				min, max);
		System.out.print(report);
		Files.writeString(Path.of("target", "performance-pdf-bench.txt"), report, StandardCharsets.UTF_8);
	}

}
