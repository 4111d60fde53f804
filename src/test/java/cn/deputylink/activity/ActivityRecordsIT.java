package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * {@link ActivityRecords#countingOf}: only counting activities (recorded, approved), only
 * of the deputies asked for, only in the range, oldest first.
 */
@IntegrationTest
class ActivityRecordsIT {

	@LocalServerPort
	int port;

	@Autowired
	ActivityRecording recording;

	@Autowired
	ActivityRecords records;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countingActivitiesOfDeputiesInARange() {
		Api county = Api.as(port, "county");
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		CurrentUser user = PairingFixtures.user(accounts, "county");
		long a = PairingFixtures.deputy(county, station, null);
		long b = PairingFixtures.deputy(county, station, null);
		long other = PairingFixtures.deputy(county, station, null);
		long visit = record(user, ActivityType.VISIT, "2019-02-01", station, List.of(a));
		long deed = record(user, ActivityType.PRACTICAL_DEED, "2019-01-15", station, List.of(a, b));
		long rejected = record(user, ActivityType.STUDY, "2019-03-01", station, List.of(b));
		jdbc.sql("update activity set status = 'REJECTED' where id = ?").param(rejected).update();
		record(user, ActivityType.STUDY, "2020-01-01", station, List.of(a));
		record(user, ActivityType.STUDY, "2019-05-01", station, List.of(other));

		List<Activity> got = records.countingOf(List.of(a, b), LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
		assertThat(got).extracting(Activity::id).containsExactly(deed, visit);
		assertThat(got.get(0).deputyIds()).containsExactlyInAnyOrder(a, b);
		assertThat(records.countingOf(List.of(), LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31))).isEmpty();
	}

	private long record(CurrentUser user, ActivityType type, String date, long station, List<Long> deputies) {
		return recording.record(
				new NewActivity(type, LocalDate.parse(date), station, deputies, 0, 1, type.name(), null, null), user);
	}

}
