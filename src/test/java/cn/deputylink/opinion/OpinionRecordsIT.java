package cn.deputylink.opinion;

import static cn.deputylink.opinion.OpinionFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * What other modules read of opinions: the ones deputies received and the ones assigned
 * to departments, with the county's dates as bounds, merged duplicates left out, one fact
 * per opinion with all its deputies.
 */
@IntegrationTest
class OpinionRecordsIT extends OpinionTestSupport {

	@Autowired
	OpinionRecords records;

	long deputy() {
		var r = f.county.post("/api/v1/deputies", Api.json(Map.of("name", OpinionFixtures.unique("记录代表"), "levels",
				List.of("TOWNSHIP"), "stationIds", List.of(f.stationId))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	long received(String receivedAt, List<Long> deputies) {
		var r = f.liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", f.stationId, "villageId", f.villageId, "content",
						OpinionFixtures.unique("记录测试意见"), "receivedAt", receivedAt, "deputyIds", deputies,
						"constituent", Map.of("name", "王小明", "phone", "13812345678", "anonymous", false))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	@Test
	void receivedByFoldsTheDeputiesKeepsTheCountysDatesAndLeavesOutMerged() {
		long d1 = deputy();
		long d2 = deputy();
		// 00:30 in the county is the previous day in UTC
		long early = received("2025-01-05T00:30:00+08:00", List.of(d1, d2));
		long late = received("2025-01-05T23:30:00+08:00", List.of(d2));
		long dayBefore = received("2025-01-04T23:59:00+08:00", List.of(d1));
		long merged = received("2025-01-05T10:00:00+08:00", List.of(d1));
		ok(f.township.post("/api/v1/opinions/" + merged + "/merge", Api.json(Map.of("intoId", early))));
		long otherDeputy = received("2025-01-05T11:00:00+08:00", List.of(deputy()));

		List<OpinionFact> day = records.receivedBy(List.of(d1, d2), LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 5));
		assertThat(day).extracting(OpinionFact::opinionId).containsExactly(early, late);
		OpinionFact first = day.get(0);
		assertThat(first.deputyIds()).containsExactlyInAnyOrder(d1, d2);
		assertThat(first.receivedAt().toInstant())
			.isEqualTo(OffsetDateTime.parse("2025-01-05T00:30:00+08:00").toInstant());
		assertThat(first.status()).isEqualTo(OpinionStatus.SUBMITTED);
		assertThat(first.stationId()).isEqualTo(f.stationId);
		assertThat(first.townshipId()).isEqualTo(f.townshipId);
		assertThat(first.departmentId()).isNull();
		assertThat(first.converted()).isFalse();
		assertThat(first.repliedInTime(ZoneId.of("Asia/Shanghai"))).isNull();
		assertThat(day.get(1).deputyIds()).containsExactly(d2);

		assertThat(records.receivedBy(List.of(d1), LocalDate.of(2025, 1, 4), LocalDate.of(2025, 1, 4)))
			.extracting(OpinionFact::opinionId)
			.containsExactly(dayBefore);
		assertThat(records.receivedBy(List.of(d1, d2), LocalDate.of(2025, 1, 4), LocalDate.of(2025, 1, 5)))
			.extracting(OpinionFact::opinionId)
			.containsExactly(dayBefore, early, late)
			.doesNotContain(merged, otherDeputy);
		assertThat(records.receivedBy(List.of(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isEmpty();
	}

	@Test
	void assignedInBoundsByTheAssignmentInTheCountysDatesAndCarriesTheHandling() {
		OpinionFixtures.Unit unit = f.newCountyDepartment();
		Api anonymous = Api.anonymous(port);
		long closed = assigned(unit);
		ok(unit.handler().post("/api/v1/opinions/" + closed + "/accept", ""));
		ok(unit.handler()
			.post("/api/v1/opinions/" + closed + "/reply", Api.json(Map.of("content", "已修复", "outcome", "RESOLVED"))));
		ok(anonymous.post("/api/v1/public/opinions/" + f.code(closed) + "/feedback",
				Api.json(Map.of("satisfaction", "SATISFIED"))));
		long reopened = assigned(unit);
		ok(unit.handler().post("/api/v1/opinions/" + reopened + "/accept", ""));
		ok(unit.handler()
			.post("/api/v1/opinions/" + reopened + "/reply",
					Api.json(Map.of("content", "已解释", "outcome", "EXPLAINED"))));
		ok(anonymous.post("/api/v1/public/opinions/" + f.code(reopened) + "/feedback",
				Api.json(Map.of("satisfaction", "UNSATISFIED"))));
		long open = assigned(unit);
		long dayBefore = assigned(unit);
		// the assignment times moved to known county dates (the clock cannot be set)
		moveAssignment(closed, "2025-03-01T00:10:00+08:00");
		moveAssignment(reopened, "2025-03-01T12:00:00+08:00");
		moveAssignment(open, "2025-03-01T23:50:00+08:00");
		moveAssignment(dayBefore, "2025-02-28T23:59:00+08:00");

		List<OpinionFact> day = ofUnit(records.assignedIn(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1)), unit);
		assertThat(day).extracting(OpinionFact::opinionId).containsExactly(closed, reopened, open);
		OpinionFact c = day.get(0);
		assertThat(c.status()).isEqualTo(OpinionStatus.CLOSED);
		assertThat(c.outcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(c.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(c.dueDate()).isNotNull();
		assertThat(c.repliedAt()).isNotNull();
		assertThat(c.assignedAt().toInstant()).isEqualTo(OffsetDateTime.parse("2025-03-01T00:10:00+08:00").toInstant());
		assertThat(c.reopened()).isFalse();
		assertThat(c.converted()).isFalse();
		assertThat(c.deputyIds()).isEmpty();
		OpinionFact r = day.get(1);
		assertThat(r.reopened()).isTrue();
		assertThat(r.status()).isEqualTo(OpinionStatus.ASSIGNED);
		assertThat(r.satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
		OpinionFact o = day.get(2);
		assertThat(o.status()).isEqualTo(OpinionStatus.ASSIGNED);
		assertThat(o.repliedAt()).isNull();
		assertThat(o.repliedInTime(ZoneId.of("Asia/Shanghai"))).isNull();
		assertThat(o.departmentId()).isEqualTo(unit.id());

		assertThat(ofUnit(records.assignedIn(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 2, 28)), unit))
			.extracting(OpinionFact::opinionId)
			.containsExactly(dayBefore);
		assertThat(ofUnit(records.assignedIn(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 12, 31)), unit)).isEmpty();
		// an opinion not yet assigned is in no department's records
		long triaged = f.triaged(OpinionFixtures.unique("未交办"), "COUNTY");
		assertThat(records.assignedIn(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31)))
			.extracting(OpinionFact::opinionId)
			.doesNotContain(triaged);
	}

	@Test
	void mergedOpinionsAreNoDepartmentsRecords() {
		OpinionFixtures.Unit unit = f.newCountyDepartment();
		long kept = assigned(unit);
		long duplicate = f.submitted(OpinionFixtures.unique("重复意见"));
		ok(f.township.post("/api/v1/opinions/" + duplicate + "/merge", Api.json(Map.of("intoId", kept))));
		// even with an assignment on record, a merged duplicate is left out
		jdbc.sql("update opinion set department_id = :d, assigned_at = :at where id = :id")
			.param("d", unit.id())
			.param("at", OffsetDateTime.now())
			.param("id", duplicate)
			.update();
		LocalDate today = LocalDate.now();
		assertThat(ofUnit(records.assignedIn(today.minusDays(1), today.plusDays(1)), unit))
			.extracting(OpinionFact::opinionId)
			.containsExactly(kept);
	}

	long assigned(OpinionFixtures.Unit unit) {
		long id = f.triaged(OpinionFixtures.unique("承办记录"), "COUNTY");
		ok(f.township.post("/api/v1/opinions/" + id + "/assign",
				Api.json(Map.of("departmentId", unit.id(), "note", "测试"))));
		return id;
	}

	void moveAssignment(long id, String at) {
		jdbc.sql("update opinion set assigned_at = :at where id = :id")
			.param("at", OffsetDateTime.parse(at))
			.param("id", id)
			.update();
	}

	static List<OpinionFact> ofUnit(List<OpinionFact> facts, OpinionFixtures.Unit unit) {
		return facts.stream().filter(o -> Long.valueOf(unit.id()).equals(o.departmentId())).toList();
	}

}
