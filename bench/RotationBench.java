import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.deputylink.duty.internal.Rotation;

/**
 * The duty rotation for a county the size of the seed's over a year: 43 stations, 200
 * deputies each attached to one or two stations, two opening days a month per station, two
 * deputies a day, one deputy in ten on leave for two to four weeks. Prints the time taken
 * and the largest imbalance (turns of the most-used minus the least-used deputy of a
 * station, overall and among the deputies who were always free), and checks that nobody
 * was on two stations on one day or on duty while on leave.
 *
 *   bench/rotation.sh [seed]
 */
public class RotationBench {

	public static void main(String[] args) {
		long seed = args.length > 0 ? Long.parseLong(args[0]) : 43200L;
		int year = 2026;
		Random r = new Random(seed);
		int stations = 43;
		int deputies = 200;
		Map<Long, List<Long>> of = new HashMap<>();
		for (long s = 1; s <= stations; s++) {
			of.put(s, new ArrayList<>());
		}
		Map<Long, Integer> stationCount = new HashMap<>();
		for (long d = 1; d <= deputies; d++) {
			// every station gets deputies: the first 43 go one to each station
			long first = d <= stations ? d : 1 + r.nextInt(stations);
			of.get(first).add(d);
			stationCount.put(d, 1);
			if (r.nextInt(3) == 0) {
				long second = 1 + r.nextInt(stations);
				if (second != first) {
					of.get(second).add(d);
					stationCount.put(d, 2);
				}
			}
		}
		Map<Long, Set<LocalDate>> leave = new HashMap<>();
		for (long d = 1; d <= deputies; d++) {
			Set<LocalDate> off = new HashSet<>();
			if (r.nextInt(10) == 0) {
				LocalDate from = LocalDate.of(year, 1, 1).plusDays(r.nextInt(340));
				for (int k = 0, n = 14 + r.nextInt(15); k < n; k++) {
					off.add(from.plusDays(k));
				}
			}
			leave.put(d, off);
		}
		Map<Long, List<LocalDate>> days = new HashMap<>();
		for (long s = 1; s <= stations; s++) {
			List<LocalDate> list = new ArrayList<>();
			for (int m = 1; m <= 12; m++) {
				List<LocalDate> working = new ArrayList<>();
				YearMonth ym = YearMonth.of(year, m);
				for (int d = 1; d <= ym.lengthOfMonth(); d++) {
					LocalDate date = ym.atDay(d);
					if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
						working.add(date);
					}
				}
				Collections.shuffle(working, r);
				list.addAll(working.subList(0, 2));
			}
			Collections.sort(list);
			days.put(s, list);
		}

		long start = System.nanoTime();
		Rotation rotation = new Rotation();
		Map<Long, Map<LocalDate, List<Long>>> plan = new HashMap<>();
		for (int m = 1; m <= 12; m++) {
			for (long s = 1; s <= stations; s++) {
				int month = m;
				List<LocalDate> these = days.get(s).stream().filter(d -> d.getMonthValue() == month).toList();
				plan.computeIfAbsent(s, x -> new HashMap<>())
					.putAll(rotation.plan(s, these, 2, of.get(s), (d, date) -> leave.get(d).contains(date)));
			}
		}
		double millis = (System.nanoTime() - start) / 1e6;

		int violations = 0;
		Map<Long, Set<LocalDate>> busy = new HashMap<>();
		int turns = 0;
		for (var e : plan.entrySet()) {
			for (var day : e.getValue().entrySet()) {
				for (Long d : day.getValue()) {
					turns++;
					if (!busy.computeIfAbsent(d, x -> new HashSet<>()).add(day.getKey())
							|| leave.get(d).contains(day.getKey())) {
						violations++;
					}
				}
			}
		}
		int largest = 0;
		int largestFree = 0;
		for (long s = 1; s <= stations; s++) {
			long station = s;
			List<Integer> all = of.get(s).stream().map(d -> rotation.turns(station, d)).toList();
			List<Integer> free = of.get(s)
				.stream()
				.filter(d -> leave.get(d).isEmpty() && stationCount.get(d) == 1)
				.map(d -> rotation.turns(station, d))
				.toList();
			if (!all.isEmpty()) {
				largest = Math.max(largest, Collections.max(all) - Collections.min(all));
			}
			if (free.size() > 1) {
				largestFree = Math.max(largestFree, Collections.max(free) - Collections.min(free));
			}
		}
		System.out.printf("rotation: %d stations, %d deputies (%d on two stations), %d duty days, %d turns, seed %d%n",
				stations, deputies, stationCount.values().stream().filter(n -> n == 2).count(),
				days.values().stream().mapToInt(List::size).sum(), turns, seed);
		System.out.printf("time: %.1f ms%n", millis);
		System.out.printf("largest imbalance at a station: %d turn(s) (among deputies always free there: %d)%n", largest,
				largestFree);
		System.out.printf("violations (two stations on a day, on duty on leave): %d%n", violations);
		if (violations > 0 || largestFree > 1) {
			System.exit(1);
		}
	}

}
