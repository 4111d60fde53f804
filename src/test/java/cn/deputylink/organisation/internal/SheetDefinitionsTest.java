package cn.deputylink.organisation.internal;

import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.CATEGORIES;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.COUNTY;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.DEPARTMENTS;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.DEPUTIES;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.STATIONS;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.TOWNSHIPS;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.TOWNSHIP_ADMIN;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.VILLAGES;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.check;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.rejected;
import static cn.deputylink.organisation.internal.RegistrySheetsParsingTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.internal.SheetCheck.Planned;
import cn.deputylink.shared.excel.RowError;

/**
 * What each list's sheet makes of a row that comes back from an export: the id and status
 * columns, rows that match their record, and the masked values that stay as stored.
 */
class SheetDefinitionsTest {

	@Test
	void eachListKeepsItsColumnsInOrder() {
		assertThat(TOWNSHIPS.columns()).containsExactly("code", "name");
		assertThat(VILLAGES.columns()).containsExactly("townshipId", "name");
		assertThat(STATIONS.columns()).containsExactly("townshipId", "name", "address", "openingRule", "villageIds",
				"facilities", "liaisonOfficers");
		assertThat(DEPUTIES.columns()).containsExactly("name", "levels", "phone", "stationIds", "constituency");
		assertThat(DEPARTMENTS.columns()).containsExactly("name", "tier", "townshipId", "categoryCodes");
		assertThat(CATEGORIES.columns()).containsExactly("code", "nameZh", "nameEn", "dueWorkingDays");
		assertThat(STATIONS.column(SheetDefinition.ACTIVE)).isEqualTo(7);
		assertThat(STATIONS.column(SheetDefinition.ID)).isEqualTo(8);
		assertThat(STATIONS.column("nothing")).isEqualTo(-1);
		assertThat(STATIONS.columnKey(8)).isEqualTo("clerk.import.col.id");
		assertThat(STATIONS.columnKey(7)).isEqualTo("import.col.active");
	}

	@Test
	void onlyTheCountyImportsTownshipsAndCategories() {
		assertThat(TOWNSHIPS.canImport(TOWNSHIP_ADMIN)).isFalse();
		assertThat(CATEGORIES.canImport(TOWNSHIP_ADMIN)).isFalse();
		assertThat(STATIONS.canImport(TOWNSHIP_ADMIN)).isTrue();
		assertThat(TOWNSHIPS.canImport(COUNTY)).isTrue();
	}

	@Test
	void aTownshipRowWithItsIdUpdatesOrIsLeftAlone() {
		var planned = check(TOWNSHIPS, COUNTY, row(2, "TZM", "太芝庙镇", "启用", "1"), row(3, "YX", "酿溪新镇", "停用", "2"));
		assertThat(planned).extracting(Planned::id).containsExactly(1L, 2L);
		assertThat(planned).extracting(Planned::unchanged).containsExactly(true, false);
		assertThat(planned).extracting(Planned::activate).containsExactly(null, false);
	}

	@Test
	void badIdsAndStatusesAreRowErrors() {
		List<RowError> errors = rejected(TOWNSHIPS, COUNTY, row(2, "A", "甲镇", "", "abc"), row(3, "B", "乙镇", "", "99"),
				row(4, "TZM", "太芝庙镇", "", "1"), row(5, "TZM", "太芝庙镇", "", "1"), row(6, "C", "丙镇", "也许", ""));
		// row 5 names a record already taken by row 4, so it is a new township that
		// clashes with it
		assertThat(errors).extracting(RowError::row).containsExactly(2, 3, 5, 5, 5, 6);
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("clerk.import.row.badId", "clerk.import.row.unknownId", "import.row.exists",
					"import.row.exists", "import.row.duplicateInFile", "import.row.unknownChoice");
	}

	@Test
	void aVillageIsIdentifiedWithinItsTownship() {
		var planned = check(VILLAGES, COUNTY, row(2, "太芝庙镇", "龙山村", "", "11"), row(3, "TZM", "新村"),
				row(4, "酿溪镇", "新村"));
		assertThat(planned).extracting(Planned::unchanged).containsExactly(true, false, false);
		assertThat(planned.get(1).form().townshipId()).isEqualTo(1L);

		List<RowError> errors = rejected(VILLAGES, COUNTY, row(2, "太芝庙镇", "大坪村", "", "21"), row(3, "太芝庙镇", "新村"),
				row(4, "TZM", "新村"));
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("clerk.import.row.unknownId", "import.row.duplicateInFile");
	}

	@Test
	void aStationsMaskedLiaisonNumberStaysAsStored() {
		RegistrySheetsParsingTest.County county = new RegistrySheetsParsingTest.County() {
			@Override
			public List<Station> stations() {
				return List.of(new Station(103, 1, "龙山工作室", "地址", null, Set.of(), "李四 13812345678", List.of(11L),
						List.of(), true, 4));
			}
		};
		var planned = new SheetCheck(county, COUNTY, RegistrySheetsParsingTest.VALIDATOR,
				RegistrySheetsParsingTest.WORDS)
			.check(STATIONS, List.of(row(2, "太芝庙镇", "龙山工作室", "地址", "", "龙山村", "", "李四 138****5678", "Active", "103"),
					row(3, "太芝庙镇", "龙山工作室2", "地址", "", "", "", "李四 138****5678", "", "")));
		assertThat(planned.get(0).form().liaisonOfficers()).isEqualTo("李四 13812345678");
		assertThat(planned.get(0).form().version()).isEqualTo(4);
		assertThat(planned.get(0).unchanged()).isTrue();
		// a new row has no stored number to fall back on: what it says is what is stored
		assertThat(planned.get(1).form().liaisonOfficers()).isEqualTo("李四 138****5678");
	}

	@Test
	void aDeputysMaskedPhoneComesBackAsKept() {
		var planned = check(DEPUTIES, COUNTY, row(2, "王建国", "县级", "138****5678", "龙山工作室", "", "", "1"),
				row(3, "王建国", "县级、乡镇级", "13912345678", "龙山工作室", "", "", ""));
		assertThat(planned.get(0).keepPhone()).isTrue();
		assertThat(planned.get(0).form().phone()).isNull();
		assertThat(planned.get(0).unchanged()).isTrue();
		assertThat(planned.get(1).keepPhone()).isFalse();
		assertThat(planned.get(1).form().phone()).isEqualTo("13912345678");
	}

	@Test
	void aTownshipAdminMayLeaveACountyDepartmentAsItIs() {
		var planned = check(DEPARTMENTS, TOWNSHIP_ADMIN, row(2, "县民政局", "县级", "", "", "", "1"));
		assertThat(planned).extracting(Planned::unchanged).containsExactly(true);
		assertThat(planned.get(0).form().townshipId()).isNull();
		List<RowError> errors = rejected(DEPARTMENTS, TOWNSHIP_ADMIN, row(2, "县民政局改", "县级", "", "", "", "1"));
		assertThat(errors).extracting(RowError::messageKey).containsExactly("import.row.countyOnly");
	}

	@Test
	void aCategoryIsIdentifiedByItsCodeWhichNeverChanges() {
		var planned = check(CATEGORIES, COUNTY,
				row(2, "land_demolition", "征地拆迁", "Land requisition", "15", "", "land_demolition"),
				row(3, "SOCIAL_SECURITY", "社会保障", "Social security", "20", "", "SOCIAL_SECURITY"));
		assertThat(planned).extracting(Planned::id).containsExactly("LAND_DEMOLITION", "SOCIAL_SECURITY");
		assertThat(planned).extracting(Planned::unchanged).containsExactly(true, false);

		List<RowError> errors = rejected(CATEGORIES, COUNTY, row(2, "OTHER", "其他", "Other", "5", "", "LAND_DEMOLITION"),
				row(3, "NOPE", "无", "None", "5", "", "NOPE"),
				row(4, "SOCIAL_SECURITY", "社会保障", "Social security", "15", "", "SOCIAL_SECURITY"),
				row(5, "SOCIAL_SECURITY", "社会保障", "Social security", "15", "", "SOCIAL_SECURITY"));
		assertThat(errors).extracting(RowError::row).containsExactly(2, 3, 5, 5);
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("clerk.import.row.codeFixed", "clerk.import.row.unknownId", "import.row.duplicateInFile",
					"import.row.duplicateInFile");
		assertThat(RegistrySheetsParsingTest.text(errors.get(0), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("编码：分类编码不能修改，这一行原来是 LAND_DEMOLITION");
	}

}
