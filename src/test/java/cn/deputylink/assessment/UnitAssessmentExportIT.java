package cn.deputylink.assessment;

import static cn.deputylink.assessment.AssessmentFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The year's table as Excel: a title row, the header, one row per unit with the same
 * figures as the API, counts, rates and scores as numeric cells; a unit's handler gets
 * its own row only.
 */
@IntegrationTest
class UnitAssessmentExportIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static final List<String> HEADER_START = List.of("名次", "承办单位", "层级", "主办建议", "协办建议", "建议按时答复", "建议逾期答复", "建议超期未复",
			"主办已答复", "A/B 类", "代表满意", "代表基本满意", "代表不满意", "建议按时答复率（%）", "A/B 类占比（%）", "建议满意度（%）", "交办意见", "意见按时答复",
			"意见逾期答复", "意见超期未复");

	HttpResponse<byte[]> download(Api api, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + api.token())
				.header("Accept-Language", "zh-CN")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theWorkbookHoldsTheTableWithNumbersAsNumbers() throws Exception {
		AssessmentFixtures f = new AssessmentFixtures(port, jdbc);
		f.work();
		JsonNode table = ok(f.county.get("/api/v1/assessment/units?year=" + f.year));
		JsonNode a = f.row(f.county, f.unitA);
		HttpResponse<byte[]> file = download(f.county, "/api/v1/assessment/units.xlsx?year=" + f.year);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains(".xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter();
			assertThat(fmt.formatCellValue(sheet.getRow(0).getCell(0))).startsWith(f.year + " 年度承办单位考核")
				.contains("80 分合格")
				.contains("90 分优秀");
			Row head = sheet.getRow(1);
			List<String> headers = new ArrayList<>();
			for (int i = 0; i < head.getLastCellNum(); i++) {
				headers.add(fmt.formatCellValue(head.getCell(i)));
			}
			assertThat(headers).startsWith(HEADER_START.toArray(String[]::new));
			assertThat(headers).hasSize(30).endsWith("得分", "等次");
			assertThat(sheet.getLastRowNum() - 1).isEqualTo(table.get("items").size());
			String nameA = a.get("departmentName").asString();
			Row rowA = null;
			int index = -1;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				if (nameA.equals(fmt.formatCellValue(sheet.getRow(r).getCell(1)))) {
					rowA = sheet.getRow(r);
					index = r - 2;
				}
			}
			assertThat(rowA).as("a row of " + nameA).isNotNull();
			// in the table's order
			assertThat(table.get("items").get(index).get("departmentId").asLong()).isEqualTo(f.unitA);
			assertThat(fmt.formatCellValue(rowA.getCell(2))).isEqualTo("县级");
			double[] expected = { 2, 0, 1, 1, 0, 2, 1, 1, 1, 0, 50.0, 50.0, 90.0, 3, 1, 1, 1, 1, 1, 0, 2, 1, 33.3, 90.0,
					50.0 };
			for (int i = 0; i < expected.length; i++) {
				Cell c = rowA.getCell(3 + i);
				assertThat(c.getCellType()).as(headers.get(3 + i)).isEqualTo(CellType.NUMERIC);
				assertThat(c.getNumericCellValue()).as(headers.get(3 + i)).isEqualTo(expected[i]);
			}
			Cell score = rowA.getCell(28);
			assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(score.getNumericCellValue()).isEqualTo(a.get("score").asDouble());
			assertThat(rowA.getCell(0).getNumericCellValue()).isEqualTo(a.get("rank").asDouble());
			assertThat(fmt.formatCellValue(rowA.getCell(29))).isEqualTo(switch (a.get("grade").asString()) {
				case "EXCELLENT" -> "优秀";
				case "PASS" -> "合格";
				default -> "不合格";
			});
			// unit B: no replies of its own, so the A/B share is an empty cell
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (fmt.formatCellValue(row.getCell(1))
					.equals(f.row(f.county, f.unitB).get("departmentName").asString())) {
					assertThat(row.getCell(14) == null || row.getCell(14).getCellType() == CellType.BLANK).isTrue();
					assertThat(row.getCell(28).getNumericCellValue()).isEqualTo(100.0);
				}
			}
		}
		// the unit's handler: its own row only
		HttpResponse<byte[]> own = download(f.handlerA, "/api/v1/assessment/units.xlsx?year=" + f.year);
		assertThat(own.statusCode()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(new DataFormatter().formatCellValue(sheet.getRow(2).getCell(1)))
				.isEqualTo(a.get("departmentName").asString());
		}
		assertThat(download(Api.as(port, "liaison"), "/api/v1/assessment/units.xlsx").statusCode()).isEqualTo(403);
	}

}
