package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The fair rotation of deputies over a county's duty days, without Spring or a database:
 * each day takes, of the station's deputies free that day, those with the fewest turns at
 * that station this year (then the longest since their last turn, then the lowest id). A
 * deputy is free when not declared unavailable and not on duty at another station that
 * day. Taking always the least-used free deputies keeps the turns of deputies who are
 * equally available within one of each other.
 * <p>
 * One instance plans a county (or one station's month): it remembers the turns given and
 * the days each deputy is busy, so that plans made one after another with it never put a
 * deputy on two stations on one day.
 */
public final class Rotation {

	/** Turns per (station, deputy) in the year planned. */
	private final Map<Long, Map<Long, Integer>> turns = new HashMap<>();

	/** Last turn per (station, deputy). */
	private final Map<Long, Map<Long, LocalDate>> last = new HashMap<>();

	/** The days each deputy is on duty somewhere. */
	private final Map<Long, Set<LocalDate>> busy = new HashMap<>();

	/** Counts a turn already given (before this plan): at a station, on a day. */
	public void given(long stationId, long deputyId, LocalDate date) {
		turns.computeIfAbsent(stationId, s -> new HashMap<>()).merge(deputyId, 1, Integer::sum);
		last.computeIfAbsent(stationId, s -> new HashMap<>()).merge(deputyId, date, (a, b) -> a.isAfter(b) ? a : b);
		busy(deputyId, date);
	}

	/** Marks a deputy on duty on a day elsewhere (not counted as a turn here). */
	public void busy(long deputyId, LocalDate date) {
		busy.computeIfAbsent(deputyId, d -> new HashSet<>()).add(date);
	}

	public boolean isBusy(long deputyId, LocalDate date) {
		Set<LocalDate> days = busy.get(deputyId);
		return days != null && days.contains(date);
	}

	/** The turns of a deputy at a station counted so far. */
	public int turns(long stationId, long deputyId) {
		return turns.getOrDefault(stationId, Map.of()).getOrDefault(deputyId, 0);
	}

	/**
	 * Assigns up to {@code perDay} of the {@code deputies} to each of the {@code days}
	 * (in date order), and counts the turns given. A day gets fewer when fewer are free.
	 */
	public Map<LocalDate, List<Long>> plan(long stationId, Collection<LocalDate> days, int perDay,
			Collection<Long> deputies, BiPredicate<Long, LocalDate> unavailable) {
		Map<LocalDate, List<Long>> out = new LinkedHashMap<>();
		List<Long> candidates = deputies.stream().distinct().sorted().toList();
		for (LocalDate day : days.stream().sorted().distinct().toList()) {
			out.put(day, pick(stationId, day, perDay, candidates, List.of(), unavailable));
		}
		return out;
	}

	/**
	 * The {@code n} least-used free deputies of {@code candidates} on {@code day}, not
	 * counting {@code excluded}; their turns are counted.
	 */
	public List<Long> pick(long stationId, LocalDate day, int n, Collection<Long> candidates, Collection<Long> excluded,
			BiPredicate<Long, LocalDate> unavailable) {
		Map<Long, Integer> t = turns.computeIfAbsent(stationId, s -> new HashMap<>());
		Map<Long, LocalDate> l = last.computeIfAbsent(stationId, s -> new HashMap<>());
		List<Long> free = new ArrayList<>();
		for (Long d : candidates) {
			if (!excluded.contains(d) && !isBusy(d, day) && !unavailable.test(d, day)) {
				free.add(d);
			}
		}
		free.sort(Comparator.<Long>comparingInt(d -> t.getOrDefault(d, 0))
			.thenComparing(d -> l.getOrDefault(d, LocalDate.MIN))
			.thenComparing(d -> d));
		List<Long> chosen = List.copyOf(free.subList(0, Math.min(Math.max(n, 0), free.size())));
		for (Long d : chosen) {
			given(stationId, d, day);
		}
		return chosen;
	}

}
