package cn.deputylink.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.DeputyLevel;
import cn.deputylink.organisation.Facility;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Tier;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.Village;
import cn.deputylink.organisation.internal.SheetCheck.Planned;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.RowError;
import cn.deputylink.shared.excel.SheetRow;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * The import's parsing and checking, without Spring: list cells, values in either
 * language, header acceptance, files that are no template, and the all-or-nothing check
 * of rows against a small in-memory registry.
 */
class RegistrySheetsParsingTest {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final ResourceBundleMessageSource MESSAGES = messages();

	static final Validator VALIDATOR = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory()
		.getValidator();

	static final Vocabulary WORDS = Vocabulary.of(MESSAGES);

	static final CurrentUser COUNTY = user(Role.COUNTY_ADMIN, null);

	/** Township admin of 太芝庙镇 (id 1). */
	static final CurrentUser TOWNSHIP_ADMIN = user(Role.TOWNSHIP_ADMIN, 1L);

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/import", "i18n/organisation");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	private static CurrentUser user(Role role, Long township) {
		return new CurrentUser(7, "u", "U", role, township, null, null, null, false, false, null, true, false);
	}

	/**
	 * Two townships with villages, three stations (two called 中心工作室), two categories, one
	 * deputy.
	 */
	static class County implements SheetCheck.Existing {

		@Override
		public List<Township> townships() {
			return List.of(new Township(1, "TZM", "太芝庙镇", true, 0), new Township(2, "YX", "酿溪镇", true, 0));
		}

		@Override
		public List<Village> villagesOf(long townshipId) {
			return townshipId == 1 ? List.of(new Village(11, 1, "龙山村", true, 0), new Village(12, 1, "石门村", true, 0))
					: List.of(new Village(21, 2, "大坪村", true, 0));
		}

		@Override
		public List<Station> stations() {
			return List.of(station(101, 1, "中心工作室"), station(102, 2, "中心工作室"), station(103, 1, "龙山工作室"));
		}

		static Station station(long id, long township, String name) {
			return new Station(id, township, name, "地址", null, Set.of(), null, List.of(), List.of(), true, 0);
		}

		@Override
		public List<Category> categories() {
			return List.of(new Category("LAND_DEMOLITION", "征地拆迁", "Land requisition", 1, 15, true, 0),
					new Category("SOCIAL_SECURITY", "社会保障", "Social security", 2, 15, true, 0));
		}

		@Override
		public List<Department> departments() {
			return List.of(new Department(1, "县民政局", Tier.COUNTY, null, List.of(), true, 0));
		}

		@Override
		public List<Deputy> deputies() {
			return List.of(new Deputy(1, "王建国", EnumSet.of(DeputyLevel.COUNTY), "138****5678", null, null,
					List.of(103L), true, 0));
		}

	}

	static SheetRow row(int number, String... cells) {
		return new SheetRow(number, List.of(cells));
	}

	// the sheets' services are only needed to write and export, not to check rows
	static final TownshipSheet TOWNSHIPS = new TownshipSheet(null);

	static final VillageSheet VILLAGES = new VillageSheet(null);

	static final StationSheet STATIONS = new StationSheet(null, null);

	static final DeputySheet DEPUTIES = new DeputySheet(null, null);

	static final DepartmentSheet DEPARTMENTS = new DepartmentSheet(null, null);

	static final CategorySheet CATEGORIES = new CategorySheet(null);

	static final List<SheetDefinition<?, ?>> ALL = List.of(TOWNSHIPS, VILLAGES, STATIONS, DEPUTIES, DEPARTMENTS,
			CATEGORIES);

	static <F, K> List<Planned<F, K>> check(SheetDefinition<F, K> kind, CurrentUser u, SheetRow... rows) {
		return new SheetCheck(new County(), u, VALIDATOR, WORDS).check(kind, List.of(rows));
	}

	static List<RowError> rejected(SheetDefinition<?, ?> kind, CurrentUser u, SheetRow... rows) {
		ImportRejectedException ex = catchThrowableOfType(ImportRejectedException.class, () -> check(kind, u, rows));
		assertThat(ex).as("the file should be rejected").isNotNull();
		return ex.errors();
	}

	static String text(RowError e, Locale locale) {
		return MESSAGES.getMessage(e.messageKey(), e.args(), locale);
	}

	// --- cells and values

	@Test
	void listCellsSplitOnEverySeparatorPeopleUse() {
		assertThat(SheetValues.splitList("龙山村、石门村,大坪村，小河村；新村;老村\n河东村")).containsExactly("龙山村", "石门村", "大坪村", "小河村",
				"新村", "老村", "河东村");
		assertThat(SheetValues.splitList(" 龙山村 、、 龙山村 ")).containsExactly("龙山村");
		assertThat(SheetValues.splitList("")).isEmpty();
		assertThat(SheetValues.splitList(null)).isEmpty();
	}

	@Test
	void enumValuesMatchByCodeLabelOrAliasInEitherLanguage() {
		assertThat(WORDS.levels().match("COUNTY")).contains(DeputyLevel.COUNTY);
		assertThat(WORDS.levels().match("county")).contains(DeputyLevel.COUNTY);
		assertThat(WORDS.levels().match("县级")).contains(DeputyLevel.COUNTY);
		assertThat(WORDS.levels().match("县人大代表")).contains(DeputyLevel.COUNTY);
		assertThat(WORDS.levels().match(" 乡镇级 ")).contains(DeputyLevel.TOWNSHIP);
		assertThat(WORDS.levels().match("City")).contains(DeputyLevel.MUNICIPAL);
		assertThat(WORDS.facilities().match("群众意见箱")).contains(Facility.OPINION_BOX);
		assertThat(WORDS.facilities().match("意见箱")).contains(Facility.OPINION_BOX);
		assertThat(WORDS.facilities().match("Reception room")).contains(Facility.RECEPTION_ROOM);
		assertThat(WORDS.facilities().match("reception_room")).contains(Facility.RECEPTION_ROOM);
		assertThat(WORDS.tiers().match("村级")).contains(Tier.VILLAGE);
		assertThat(WORDS.tiers().match("Township")).contains(Tier.TOWNSHIP);
		assertThat(WORDS.levels().match("村长")).isEmpty();
		assertThat(WORDS.facilities().label(Facility.OPINION_BOX, ZH)).isEqualTo("群众意见箱");
	}

	@Test
	void townshipsStationsAndCategoriesAreFoundByWhatPeopleType() {
		County c = new County();
		assertThat(SheetValues.matchTownship("太芝庙镇", c.townships())).map(Township::id).contains(1L);
		assertThat(SheetValues.matchTownship("yx", c.townships())).map(Township::id).contains(2L);
		assertThat(SheetValues.matchTownship("不存在镇", c.townships())).isEmpty();
		assertThat(SheetValues.matchStations("龙山工作室", c.stations(), c.townships())).hasSize(1);
		assertThat(SheetValues.matchStations("中心工作室", c.stations(), c.townships())).hasSize(2);
		assertThat(SheetValues.matchStations("酿溪镇/中心工作室", c.stations(), c.townships())).extracting(Station::id)
			.containsExactly(102L);
		assertThat(SheetValues.matchStations("TZM／中心工作室", c.stations(), c.townships())).extracting(Station::id)
			.containsExactly(101L);
		assertThat(SheetValues.matchCategory("land_demolition", c.categories())).isPresent();
		assertThat(SheetValues.matchCategory("社会保障", c.categories())).isPresent();
		assertThat(SheetValues.matchCategory("Social Security", c.categories())).isPresent();
		assertThat(SheetValues.matchCategory("交通", c.categories())).isEmpty();
	}

	@Test
	void headersComeInChineseByDefaultAndEitherLanguageIsAccepted() {
		assertThat(RegistrySheets.headers(STATIONS, MESSAGES, ZH)).containsExactly("乡镇", "名称", "地址", "开放安排", "覆盖村",
				"设施", "联络员");
		assertThat(RegistrySheets.headers(CATEGORIES, MESSAGES, ZH)).containsExactly("编码", "中文名", "英文名", "办理时限(工作日)");
		List<Set<String>> accepted = RegistrySheets.acceptedHeaders(DEPUTIES, MESSAGES);
		assertThat(accepted).hasSize(5);
		assertThat(accepted.get(0)).containsExactlyInAnyOrder("姓名", "Name");
		assertThat(accepted.get(3)).containsExactlyInAnyOrder("所属工作室", "Stations");
	}

	@Test
	void freeTextLosesPhoneAndIdNumbers() {
		assertThat(SheetValues.maskFreeText("李四 13812345678，王五 0739-1234567"))
			.isEqualTo("李四 138****5678，王五 0739-1234567");
		assertThat(SheetValues.maskFreeText("身份证 43052219800101123X")).isEqualTo("身份证 4305**********123X");
		assertThat(SheetValues.maskFreeText(null)).isNull();
	}

	// --- files

	private static byte[] xlsx(List<String> header, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill(wb, header, rows);
			wb.write(out);
			return out.toByteArray();
		}
	}

	private static void fill(Workbook wb, List<String> header, List<List<String>> rows) {
		Sheet sheet = wb.createSheet("sheet");
		List<List<String>> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		for (int r = 0; r < all.size(); r++) {
			Row x = sheet.createRow(r);
			for (int i = 0; i < all.get(r).size(); i++) {
				x.createCell(i).setCellValue(all.get(r).get(i));
			}
		}
	}

	private static List<SheetRow> read(SheetDefinition<?, ?> kind, byte[] file) {
		return Spreadsheets.read(new ByteArrayInputStream(file), RegistrySheets.acceptedHeaders(kind, MESSAGES));
	}

	private static String keyOf(Runnable r) {
		SpreadsheetException ex = catchThrowableOfType(SpreadsheetException.class, r::run);
		assertThat(ex).as("a SpreadsheetException").isNotNull();
		return ex.messageKey();
	}

	@Test
	void aFilledInTemplateReadsBackInEitherLanguage() throws IOException {
		byte[] zh = xlsx(RegistrySheets.headers(VILLAGES, MESSAGES, ZH),
				List.of(List.of("太芝庙镇", "新村"), List.of("", ""), List.of("YX", "河东村")));
		List<SheetRow> rows = read(VILLAGES, zh);
		assertThat(rows).extracting(SheetRow::number).containsExactly(2, 4);
		assertThat(rows.get(1).get(1)).isEqualTo("河东村");

		byte[] en = xlsx(RegistrySheets.headers(VILLAGES, MESSAGES, Locale.ENGLISH), List.of(List.of("太芝庙镇", "新村")));
		assertThat(read(VILLAGES, en)).hasSize(1);
	}

	@Test
	void theGeneratedTemplateIsAnEmptyTemplate() {
		byte[] template = Spreadsheets.write("工作室", RegistrySheets.headers(STATIONS, MESSAGES, ZH), List.of());
		assertThat(keyOf(() -> read(STATIONS, template))).isEqualTo("import.error.noRows");
	}

	@Test
	void anotherListsTemplateIsTheWrongTemplate() throws IOException {
		byte[] villages = xlsx(RegistrySheets.headers(VILLAGES, MESSAGES, ZH), List.of(List.of("太芝庙镇", "新村")));
		assertThat(keyOf(() -> read(STATIONS, villages))).isEqualTo("import.error.wrongTemplate");
		byte[] noHeader = xlsx(List.of("太芝庙镇", "新村"), List.of(List.of("酿溪镇", "河东村")));
		assertThat(keyOf(() -> read(VILLAGES, noHeader))).isEqualTo("import.error.wrongTemplate");
	}

	@Test
	void garbageIsUnreadableNotACrash() {
		byte[] garbage = new byte[4096];
		new Random(42).nextBytes(garbage);
		assertThat(keyOf(() -> read(TOWNSHIPS, garbage))).isEqualTo("import.error.unreadable");
		assertThat(keyOf(() -> read(TOWNSHIPS, new byte[0]))).isEqualTo("import.error.unreadable");
		// a zip that is no workbook, and a truncated workbook
		assertThat(keyOf(() -> read(TOWNSHIPS, new byte[] { 'P', 'K', 3, 4, 0, 0 })))
			.isEqualTo("import.error.unreadable");
	}

	@Test
	void aTruncatedWorkbookIsUnreadable() throws IOException {
		byte[] good = xlsx(RegistrySheets.headers(TOWNSHIPS, MESSAGES, ZH), List.of(List.of("A", "甲镇")));
		byte[] cut = Arrays.copyOf(good, good.length / 2);
		assertThat(keyOf(() -> read(TOWNSHIPS, cut))).isEqualTo("import.error.unreadable");
	}

	@Test
	void csvTextIsUnreadable() {
		byte[] csv = "编码,名称\nA,甲镇\n".getBytes(StandardCharsets.UTF_8);
		assertThat(keyOf(() -> read(TOWNSHIPS, csv))).isEqualTo("import.error.unreadable");
	}

	@Test
	void anOldXlsWorkbookGetsItsOwnMessage() throws IOException {
		byte[] xls;
		try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill(wb, RegistrySheets.headers(TOWNSHIPS, MESSAGES, ZH), List.of(List.of("A", "甲镇")));
			wb.write(out);
			xls = out.toByteArray();
		}
		assertThat(keyOf(() -> read(TOWNSHIPS, xls))).isEqualTo("import.error.notXlsx");
	}

	@Test
	void everyFileLevelMessageExistsInBothLanguages() {
		for (String key : List.of("import.error.empty", "import.error.tooManyRows", "import.error.wrongTemplate",
				"import.error.noRows", "import.error.unreadable", "import.error.notXlsx", "import.error.noFile",
				"import.error.tooLarge", "import.error.upload")) {
			assertThat(MESSAGES.getMessage(key, null, ZH)).as(key).isNotBlank();
			assertThat(MESSAGES.getMessage(key, null, Locale.ENGLISH)).as(key)
				.isNotEqualTo(MESSAGES.getMessage(key, null, ZH));
		}
		assertThat(MESSAGES.getMessage("import.error.rows", new Object[] { 3 }, ZH)).isEqualTo("导入失败：3 行有误，未导入任何数据");
	}

	// --- checking rows

	@Test
	void aCleanStationsFileBecomesForms() {
		var planned = check(STATIONS, COUNTY,
				row(2, "太芝庙镇", "新工作室", "镇政府一楼", "每月 5 日", "龙山村、石门村", "意见箱,电脑", "李四 13812345678"),
				row(3, "YX", "河东工作室", "河东街 1 号", "", "大坪村", "", ""));
		assertThat(planned).extracting(Planned::row).containsExactly(2, 3);
		StationForm first = planned.get(0).form();
		assertThat(first.townshipId()).isEqualTo(1L);
		assertThat(first.villageIds()).containsExactly(11L, 12L);
		assertThat(first.facilities()).containsExactlyInAnyOrder(Facility.OPINION_BOX, Facility.COMPUTER);
		StationForm second = planned.get(1).form();
		assertThat(second.townshipId()).isEqualTo(2L);
		assertThat(second.openingRule()).isNull();
	}

	@Test
	void everyBadRowIsReportedWithItsReasonAndNothingPasses() {
		List<RowError> errors = rejected(STATIONS, COUNTY, row(2, "太芝庙镇", "好工作室", "地址", "", "龙山村", "", ""),
				row(3, "不存在镇", "甲", "地址", "", "", "", ""), row(4, "太芝庙镇", "乙", "", "", "龙山村、月亮村", "意见箱、飞机", ""),
				row(5, "太芝庙镇", "好工作室", "地址", "", "", "", ""), row(6, "太芝庙镇", "龙山工作室", "地址", "", "", "", ""),
				row(7, "", "丙", "地址", "", "", "", ""));
		assertThat(errors).extracting(RowError::row).containsExactly(3, 4, 4, 4, 5, 6, 7);
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("import.row.unknownTownship", "import.row.required", "import.row.unknownVillage",
					"import.row.unknownChoice", "import.row.duplicateInFile", "import.row.exists",
					"import.row.required");
		assertThat(errors.stream().map(e -> text(e, ZH)).toList()).containsExactly("乡镇：找不到“不存在镇”，请填写已有乡镇的名称或编码",
				"地址：必填", "覆盖村：该乡镇没有“月亮村”，请先添加这个村（社区）", "设施：无法识别“飞机”，可填：标识牌、接待室、办公桌椅、电脑、固定电话、资料柜、群众意见箱",
				"名称：“好工作室”与第 2 行重复", "名称：“龙山工作室”已存在", "乡镇：必填");
		assertThat(text(errors.get(1), Locale.ENGLISH)).isEqualTo("Address: required");
	}

	@Test
	void aTownshipAdminCannotImportIntoAnotherTownship() {
		List<RowError> errors = rejected(VILLAGES, TOWNSHIP_ADMIN, row(2, "太芝庙镇", "新村"), row(3, "酿溪镇", "新村"));
		assertThat(errors).extracting(RowError::row).containsExactly(3);
		assertThat(text(errors.get(0), ZH)).isEqualTo("无权在该乡镇导入");
	}

	@Test
	void deputiesNameTheirStationsAndLevelsInWords() {
		var planned = check(DEPUTIES, COUNTY, row(2, "张三", "县级、乡镇级", "139 1234 5678", "龙山工作室、酿溪镇/中心工作室", "第一选区"));
		DeputyForm f = planned.get(0).form();
		assertThat(f.levels()).containsExactlyInAnyOrder(DeputyLevel.COUNTY, DeputyLevel.TOWNSHIP);
		assertThat(f.phone()).isEqualTo("13912345678");
		assertThat(f.stationIds()).containsExactly(103L, 102L);
		assertThat(f.idNumber()).isNull();

		List<RowError> errors = rejected(DEPUTIES, COUNTY, row(2, "李四", "", "12345", "中心工作室", ""),
				row(3, "王建国", "县级", "13812345678", "龙山工作室", ""));
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("import.row.required", "import.row.phone", "import.row.ambiguousStation",
					"import.row.exists");
		assertThat(text(errors.get(0), ZH)).isEqualTo("层级：必填");
	}

	@Test
	void aTownshipAdminsDeputyNeedsOneOfItsStations() {
		List<RowError> errors = rejected(DEPUTIES, TOWNSHIP_ADMIN, row(2, "赵六", "乡镇级", "", "", ""));
		assertThat(errors).extracting(RowError::messageKey).containsExactly("import.row.stationRequired");
	}

	@Test
	void departmentsNeedATownshipBelowTheCountyTier() {
		List<RowError> errors = rejected(DEPARTMENTS, TOWNSHIP_ADMIN,
				row(2, "太芝庙镇政府", "乡镇级", "太芝庙镇", "征地拆迁、Social security"), row(3, "某村委会", "村级", "", ""),
				row(4, "县交通局", "县级", "", ""), row(5, "县民政局", "县级", "", ""), row(6, "某单位", "省级", "太芝庙镇", "交通"));
		assertThat(errors).extracting(RowError::row).containsExactly(3, 4, 5, 5, 6, 6);
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("import.row.townshipRequired", "import.row.countyOnly", "import.row.exists",
					"import.row.countyOnly", "import.row.unknownChoice", "import.row.unknownCategory");
	}

	@Test
	void categoriesCheckCodeAndDeadline() {
		var planned = check(CATEGORIES, COUNTY, row(2, "transport", "交通出行", "Transport", "10"));
		CategoryForm f = planned.get(0).form();
		assertThat(f.code()).isEqualTo("TRANSPORT");
		assertThat(f.dueWorkingDays()).isEqualTo(10);

		List<RowError> errors = rejected(CATEGORIES, COUNTY, row(2, "land_demolition", "征地", "Land", "15"),
				row(3, "EDU", "教育", "Education", "十五"), row(4, "HEALTH", "卫生", "Health", "120"),
				row(5, "1X", "其他", "Other", "5"), row(6, "EDU", "教育2", "Education 2", "5"));
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("import.row.exists", "import.row.number", "import.row.max", "import.row.format.categories",
					"import.row.duplicateInFile");
		assertThat(text(errors.get(2), ZH)).isEqualTo("办理时限(工作日)：不能大于 90");
	}

	@Test
	void townshipsMayNotRepeatCodesOrNames() {
		List<RowError> errors = rejected(TOWNSHIPS, COUNTY, row(2, "tzm", "新镇"), row(3, "NEW", "酿溪镇"),
				row(4, "A B", "甲镇"), row(5, "C", "甲镇"));
		assertThat(errors).extracting(RowError::messageKey)
			.containsExactly("import.row.exists", "import.row.exists", "import.row.format.townships",
					"import.row.duplicateInFile");
	}

	@Test
	void registryRefusalsBecomeRowErrors() {
		assertThat(RegistrySheets.rowFailure(9, new AccessDeniedException("x"))).extracting(RowError::messageKey)
			.containsExactly("import.row.forbidden");
		assertThat(RegistrySheets.rowFailure(9, new ConflictException("registry.duplicate")))
			.extracting(RowError::row, RowError::messageKey)
			.containsExactly(tuple(9, "import.row.conflict"));
		assertThat(RegistrySheets.rowFailure(9, new IllegalStateException("bug"))).isNull();
	}

	@Test
	void kindsAreNamedByTheirPath() {
		RegistrySheets sheets = new RegistrySheets(ALL, null, null, null, null, null, null, VALIDATOR, MESSAGES);
		assertThat(sheets.has("stations")).isTrue();
		assertThat(sheets.has("STATIONS")).isFalse();
		assertThat(sheets.has("users")).isFalse();
		for (SheetDefinition<?, ?> k : ALL) {
			assertThat(MESSAGES.getMessage(k.nameKey(), null, ZH)).isNotBlank();
			assertThat(RegistrySheets.headers(k, MESSAGES, Locale.ENGLISH)).doesNotContainAnyElementsOf(k.columns());
		}
	}

}
