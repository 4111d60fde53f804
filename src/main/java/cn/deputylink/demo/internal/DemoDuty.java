package cn.deputylink.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyPlanning;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.Reception;
import cn.deputylink.duty.ReceptionDays;

/**
 * The demo county's duty days: for every station the past twelve months planned and held
 * (attendance with a few absences and substitutes, constituents received, the RECEPTION
 * activities, now and then an opinion raised there), this month's and next month's coming
 * days published and the month after planned as drafts. The first station opens twice a
 * month, the others once; the days are working days spread over the month, planned month
 * by month in the rotation's order. Deterministic (a fixed seed).
 */
final class DemoDuty {

	private static final String[] RAISED = { "村里的自来水管老化，经常停水，希望尽快更换", "组里的机耕道雨天泥泞，农机下不了田", "想了解今年城乡居民医保的缴费标准和报销比例",
			"邻居占用公共通道堆放杂物，协商不成", "村小学门口没有减速带，接送孩子不安全" };

	private final DutyPlanning planning;

	private final ReceptionDays receptions;

	private final DutyQueries queries;

	private final WorkingCalendar calendar;

	private final CurrentUser county;

	DemoDuty(DutyPlanning planning, ReceptionDays receptions, DutyQueries queries, WorkingCalendar calendar,
			UserAccount county) {
		this.planning = planning;
		this.receptions = receptions;
		this.queries = queries;
		this.calendar = calendar;
		this.county = new CurrentUser(county.id(), county.username(), county.displayName(), county.role(),
				county.townshipId(), county.stationId(), county.deputyId(), county.departmentId(), false, false, null,
				true, false);
	}

	/** Seeds every station; returns the duty days created. */
	int seed(List<List<Long>> stationIds) {
		Random random = new Random(20261202L);
		LocalDate today = queries.today();
		LocalDate earliestPublished = today.plusDays(planning.publishLeadDays());
		YearMonth current = YearMonth.from(today);
		List<Long> stations = stationIds.stream().flatMap(List::stream).toList();
		int created = 0;
		int held = 0;
		for (int k = 0; k < stations.size(); k++) {
			long station = stations.get(k);
			// the first station of the county opens twice a month, the others once
			boolean twice = k == 0;
			Map<Integer, List<LocalDate>> past = new TreeMap<>();
			Map<Integer, List<LocalDate>> published = new TreeMap<>();
			Map<Integer, List<LocalDate>> drafts = new TreeMap<>();
			for (YearMonth month = current.minusMonths(12); !month.isAfter(current.plusMonths(2)); month = month
				.plusMonths(1)) {
				List<LocalDate> working = workingDays(month);
				int n = working.size();
				List<LocalDate> days = new ArrayList<>(List.of(working.get((k * 3) % n)));
				if (twice) {
					days.add(working.get((k * 3 + n / 2) % n));
				}
				for (LocalDate d : days) {
					if (d.isBefore(today)) {
						past.computeIfAbsent(d.getYear(), y -> new ArrayList<>()).add(d);
					}
					else if (!d.isBefore(earliestPublished)) {
						(month.isAfter(current.plusMonths(1)) ? drafts : published)
							.computeIfAbsent(d.getYear(), y -> new ArrayList<>())
							.add(d);
					}
				}
			}
			List<Long> deputies = planning.stationDeputies(station);
			for (List<LocalDate> year : past.values()) {
				long t0 = System.nanoTime();
				List<DutyDay> planned = planning.planDays(station, year, false, county);
				planNanos += System.nanoTime() - t0;
				for (DutyDay d : planned) {
					created++;
					long t1 = System.nanoTime();
					hold(d, deputies, held++, random);
					holdNanos += System.nanoTime() - t1;
				}
			}
			for (List<LocalDate> year : published.values()) {
				created += planning.planDays(station, year, true, county).size();
			}
			for (List<LocalDate> year : drafts.values()) {
				created += planning.planDays(station, year, false, county).size();
			}
		}
		return created;
	}

	long planNanos;

	long holdNanos;

	private void hold(DutyDay d, List<Long> stationDeputies, int index, Random random) {
		if (d.deputyIds().isEmpty()) {
			return;
		}
		List<Attendee> attendance = new ArrayList<>();
		List<Long> others = new ArrayList<>(stationDeputies);
		others.removeAll(d.deputyIds());
		for (Long deputy : d.deputyIds()) {
			int roll = random.nextInt(100);
			if (roll < 6) {
				attendance.add(new Attendee(deputy, Attendance.ABSENT, null));
			}
			else if (roll < 10 && !others.isEmpty()) {
				attendance.add(new Attendee(deputy, Attendance.SUBSTITUTE, others.remove(0)));
			}
			else {
				attendance.add(new Attendee(deputy, Attendance.PRESENT, null));
			}
		}
		if (attendance.stream().allMatch(a -> a.status() == Attendance.ABSENT)) {
			attendance.set(0, new Attendee(attendance.get(0).deputyId(), Attendance.PRESENT, null));
		}
		List<Reception.RaisedOpinion> raised = index % 60 == 7
				? List.of(new Reception.RaisedOpinion(RAISED[(index / 60) % RAISED.length], null, null, null, null,
						true, null, null))
				: List.of();
		receptions.recordReception(d.id(), new Reception(attendance, 1 + random.nextInt(5), raised, d.version()),
				county);
	}

	private final Map<YearMonth, List<LocalDate>> working = new HashMap<>();

	/**
	 * The month's working days (Monday to Friday not a holiday; weekends not looked up).
	 */
	private List<LocalDate> workingDays(YearMonth month) {
		return working.computeIfAbsent(month, m -> {
			List<LocalDate> out = new ArrayList<>();
			for (int day = 1; day <= m.lengthOfMonth(); day++) {
				LocalDate d = m.atDay(day);
				if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
						&& calendar.isWorkingDay(d)) {
					out.add(d);
				}
			}
			return out;
		});
	}

}
