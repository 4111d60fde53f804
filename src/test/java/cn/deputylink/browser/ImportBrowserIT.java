package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * Importing the township list from Excel through the upload page: one bad row refuses the
 * whole file, lists the bad row by its Excel row number and writes nothing.
 */
@IntegrationTest
class ImportBrowserIT extends BrowserTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@BeforeEach
	void signIn() {
		BrowserSupport.login(page, port, "county");
	}

	/**
	 * The header row of the township template, downloaded with the browser's session as
	 * the list links it.
	 */
	private List<String> templateHeaders() throws IOException {
		APIResponse template = context.request().get(url("/org/townships/template.xlsx"));
		assertThat(template.status()).as("GET /org/townships/template.xlsx").isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
			Row head = wb.getSheetAt(0).getRow(0);
			DataFormatter fmt = new DataFormatter();
			List<String> headers = new ArrayList<>();
			for (int i = 0; i < head.getLastCellNum(); i++) {
				headers.add(fmt.formatCellValue(head.getCell(i)).strip());
			}
			return headers;
		}
	}

	/** A workbook of the header row and {@code rows}, each a list of cell texts. */
	private static byte[] workbook(List<String> headers, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = wb.createSheet("乡镇");
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				head.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<String> cells = rows.get(r);
				for (int i = 0; i < cells.size(); i++) {
					if (!cells.get(i).isEmpty()) {
						row.createCell(i).setCellValue(cells.get(i));
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	private int townshipsMatching(Api county, String q) {
		return county.get("/api/v1/townships?limit=500&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
			.json()
			.get("items")
			.size();
	}

	@Test
	void aBadRowIsListedByItsRowNumberAndNoRowIsImported() throws IOException {
		List<String> headers = templateHeaders();
		assertThat(headers).as("template headers").hasSize(2);
		// columns in TownshipSheet order: code, name
		String tag = BrowserSupport.unique("");
		String good1 = "导入甲镇" + tag;
		String good2 = "导入乙镇" + tag;
		byte[] file = workbook(headers, List.of(List.of("IMPA" + tag, good1), // Excel row
																				// 2
				List.of("IMPB" + tag, ""), // Excel row 3: no name
				List.of("IMPC" + tag, good2))); // Excel row 4

		var opened = page.navigate(url("/org/townships/import"));
		assertThat(opened.status()).as("GET /org/townships/import").isEqualTo(200);
		Locator fileInput = page.locator("main input[type=file]");
		assertThat(fileInput).hasCount(1);
		fileInput.setInputFiles(new FilePayload("townships-" + tag + ".xlsx", XLSX, file));
		var result = BrowserSupport.submit(page, page.locator("main form:has(input[type=file]) [type=submit]"));
		assertThat(result.request().method()).isEqualTo("POST");

		// the page lists the bad row, by the number Excel shows for it
		Locator rowNumberThree = page.locator("td, th")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*(第\\s*)?3(\\s*行)?\\s*$")));
		Locator dataRows = page.locator("main table tr:has(td)");
		Locator badRow = dataRows.filter(new Locator.FilterOptions().setHas(rowNumberThree));
		assertThat(badRow).hasCount(1);
		// with its reason, naming the column to correct
		assertThat(badRow).containsText(headers.get(1));
		assertThat(badRow).containsText("必填");
		// the good rows are not errors: the bad one is the only row listed
		assertThat(dataRows).hasCount(1);
		assertThat(page.locator("main .flash[role=status]")).hasCount(0);

		// and nothing was written, not even the good rows
		Api county = Api.as(port, "county");
		assertThat(townshipsMatching(county, good1)).isZero();
		assertThat(townshipsMatching(county, good2)).isZero();
		assertThat(townshipsMatching(county, "IMPB" + tag)).isZero();
	}

	@Test
	void aFileWithOnlyGoodRowsIsImported() throws IOException {
		List<String> headers = templateHeaders();
		String tag = BrowserSupport.unique("");
		String good1 = "导入丙镇" + tag;
		String good2 = "导入丁镇" + tag;
		byte[] file = workbook(headers, List.of(List.of("IMPD" + tag, good1), List.of("IMPE" + tag, good2)));

		page.navigate(url("/org/townships/import"));
		page.locator("main input[type=file]").setInputFiles(new FilePayload("good-" + tag + ".xlsx", XLSX, file));
		BrowserSupport.submit(page, page.locator("main form:has(input[type=file]) [type=submit]"));

		page.waitForURL(Pattern.compile(".*/org/townships$"));
		assertThat(page.locator("main .flash[role=status]")).containsText("2");
		Api county = Api.as(port, "county");
		assertThat(townshipsMatching(county, good1)).isEqualTo(1);
		assertThat(townshipsMatching(county, good2)).isEqualTo(1);
	}

}
