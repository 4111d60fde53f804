package cn.deputylink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.deputylink.demo.internal.DemoCounty.DepartmentPlan;
import cn.deputylink.demo.internal.DemoCounty.DeputyPlan;
import cn.deputylink.demo.internal.DemoCounty.Plan;
import cn.deputylink.demo.internal.DemoCounty.StationPlan;
import cn.deputylink.demo.internal.DemoCounty.TownshipPlan;
import cn.deputylink.organisation.DeputyLevel;
import cn.deputylink.organisation.Facility;
import cn.deputylink.organisation.Tier;

/**
 * The demo county has the seed's shape, covers every village once and is the same at
 * every start.
 */
class DemoCountyTest {

	private final Plan plan = DemoCounty.generate();

	@Test
	void hasTheSeedsTownshipsAndStations() {
		assertThat(plan.townships()).hasSize(15);
		assertThat(plan.stationCount()).isEqualTo(43);
		assertThat(plan.townships()).extracting(TownshipPlan::code)
			.doesNotHaveDuplicates()
			.allMatch(c -> c.matches("T\\d{2}"));
		assertThat(plan.townships()).extracting(TownshipPlan::name).doesNotHaveDuplicates();
		assertThat(plan.townships()).allSatisfy(t -> {
			assertThat(t.villages()).hasSizeBetween(5, 9).doesNotHaveDuplicates();
			assertThat(t.stations()).extracting(StationPlan::name).doesNotHaveDuplicates();
		});
	}

	@Test
	void everyVillageIsCoveredByExactlyOneStationOfItsTownship() {
		for (TownshipPlan t : plan.townships()) {
			List<Integer> covered = new ArrayList<>();
			for (StationPlan s : t.stations()) {
				assertThat(s.villages()).as(s.name()).isNotEmpty();
				covered.addAll(s.villages());
			}
			assertThat(covered).as(t.name())
				.containsExactlyInAnyOrderElementsOf(IntStream.range(0, t.villages().size()).boxed().toList());
		}
	}

	@Test
	void stationsHaveTheirParticulars() {
		List<StationPlan> stations = plan.townships().stream().flatMap(t -> t.stations().stream()).toList();
		assertThat(stations).allSatisfy(s -> {
			assertThat(s.name()).endsWith("片区代表联系群众工作室");
			assertThat(s.address()).isNotBlank();
			assertThat(s.openingRule()).startsWith("每月第");
			assertThat(s.liaisonOfficer()).isNotBlank();
			assertThat(s.facilities()).hasSizeGreaterThanOrEqualTo(Facility.values().length - 2);
		});
		long incomplete = stations.stream().filter(s -> s.facilities().size() < Facility.values().length).count();
		assertThat(incomplete).isBetween(1L, 10L);
	}

	@Test
	void deputiesAreManyWithValidPhonesAndStationsOfTheirTownship() {
		assertThat(plan.deputyCount()).isGreaterThanOrEqualTo(150);
		List<DeputyPlan> deputies = plan.townships().stream().flatMap(t -> t.deputies().stream()).toList();
		assertThat(deputies).extracting(DeputyPlan::phone).allMatch(p -> p.matches("1\\d{10}")).doesNotHaveDuplicates();
		assertThat(deputies).extracting(DeputyPlan::name).doesNotHaveDuplicates();
		for (TownshipPlan t : plan.townships()) {
			assertThat(t.deputies()).allSatisfy(d -> {
				assertThat(d.levels()).isNotEmpty();
				assertThat(d.stations()).isNotEmpty()
					.doesNotHaveDuplicates()
					.allMatch(s -> s >= 0 && s < t.stations().size());
			});
			for (int s = 0; s < t.stations().size(); s++) {
				int station = s;
				assertThat(t.deputies().stream().filter(d -> d.stations().get(0) == station).count())
					.as(t.name() + " station " + s)
					.isBetween(4L, 6L);
			}
			assertThat(t.deputies().get(0).stations()).first().isEqualTo(0);
		}
		assertThat(deputies.stream().filter(d -> d.levels().contains(DeputyLevel.NATIONAL)).count()).isBetween(1L, 2L);
		assertThat(deputies).anyMatch(d -> d.levels().contains(DeputyLevel.PROVINCIAL))
			.anyMatch(d -> d.levels().contains(DeputyLevel.MUNICIPAL))
			.anyMatch(d -> d.levels().size() > 1)
			.anyMatch(d -> d.stations().size() > 1);
	}

	@Test
	void departmentsAtThreeTiersWithUniqueNames() {
		List<DepartmentPlan> departments = plan.departments();
		assertThat(departments).extracting(DepartmentPlan::name).doesNotHaveDuplicates();
		assertThat(departments).filteredOn(d -> d.tier() == Tier.COUNTY)
			.hasSize(10)
			.allSatisfy(d -> assertThat(d.categoryCodes()).isNotEmpty());
		assertThat(departments).filteredOn(d -> d.tier() == Tier.TOWNSHIP)
			.hasSize(15)
			.allMatch(DepartmentPlan::allCategories);
		assertThat(departments).filteredOn(d -> d.tier() == Tier.VILLAGE)
			.hasSize(43)
			.allMatch(d -> d.categoryCodes().equals(DemoCounty.VILLAGE_CATEGORIES));
		assertThat(departments).extracting(DepartmentPlan::name)
			.contains(DemoCounty.government(plan.townships().get(0).name()));
		Set<String> known = new HashSet<>(
				List.of("LAND_DEMOLITION", "RURAL_INFRASTRUCTURE", "SOCIAL_SECURITY", "SUBSISTENCE_ELDERLY",
						"NEIGHBOUR_DISPUTE", "TRANSPORT", "EDUCATION", "HEALTH", "ENVIRONMENT", "OTHER"));
		assertThat(departments).allSatisfy(d -> assertThat(known).containsAll(d.categoryCodes()));
	}

	@Test
	void isTheSameAtEveryRun() {
		assertThat(DemoCounty.generate()).isEqualTo(plan);
	}

	@Test
	void partitionIsEvenAndRefusesTooFewVillages() {
		assertThat(DemoCounty.partition(7, 3)).containsExactly(List.of(0, 1, 2), List.of(3, 4), List.of(5, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> DemoCounty.partition(2, 3));
	}

}
