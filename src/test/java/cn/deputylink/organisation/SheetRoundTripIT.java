package cn.deputylink.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;
import tools.jackson.databind.JsonNode;

/**
 * The Excel round trip of every list: an export imported back as it is updates the same
 * records and adds none; an edited cell takes effect; masked values (a deputy's phone, a
 * liaison officer's number) stay as stored; a row without an id is still a new record.
 */
@IntegrationTest
class SheetRoundTripIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private byte[] export(Api api, String kind) throws Exception {
		HttpResponse<byte[]> r = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/" + kind + "/export.xlsx"))
				.header("Authorization", "Bearer " + api.token())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as("export " + kind).isEqualTo(200);
		return r.body();
	}

	private JsonNode importFile(Api api, String kind, byte[] file) {
		var r = api.post("/api/v1/" + kind + "/import", new Multipart().file("file", kind + ".xlsx", file));
		assertThat(r.status()).as("import " + kind + ": " + r.body()).isEqualTo(200);
		return r.json();
	}

	/** The sheet's rows as text, the header first. */
	private static List<List<String>> cells(byte[] file) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter();
			int width = sheet.getRow(0).getLastCellNum();
			List<List<String>> out = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> line = new ArrayList<>();
				for (int i = 0; i < width; i++) {
					Cell c = row == null ? null : row.getCell(i);
					line.add(c == null ? "" : fmt.formatCellValue(c));
				}
				out.add(line);
			}
			return out;
		}
	}

	/** The file with one cell changed, as a person edits it in Excel. */
	private static byte[] edit(byte[] file, int row, int column, String value) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row r = wb.getSheetAt(0).getRow(row);
			// a new cell: POI would keep the export's inline string when only its value
			// changes
			if (r.getCell(column) != null) {
				r.removeCell(r.getCell(column));
			}
			r.createCell(column).setCellValue(value);
			wb.write(out);
			return out.toByteArray();
		}
	}

	private static int count(Api api, String kind) {
		JsonNode list = api.get("/api/v1/" + kind + "?limit=500").json();
		return list.isArray() ? list.size() : list.get("items").size();
	}

	private static String tag() {
		return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
	}

	@Test
	void everyListsExportImportsBackAsItIsWithoutAddingOrChangingAnything() throws Exception {
		Api county = Api.as(port, "county");
		for (String kind : List.of("townships", "villages", "stations", "deputies", "departments", "categories")) {
			byte[] file = export(county, kind);
			int rows = cells(file).size() - 1;
			assertThat(rows).as(kind + " rows").isPositive();
			assertThat(cells(file).get(0)).as(kind + " header").contains("状态", "系统编号（请勿修改）");
			int before = kind.equals("villages") ? -1 : count(county, kind);
			JsonNode result = importFile(county, kind, file);
			assertThat(result.get("created").asInt()).as(kind + " created").isZero();
			assertThat(result.get("updated").asInt()).as(kind + " updated").isZero();
			assertThat(result.get("unchanged").asInt()).as(kind + " unchanged").isEqualTo(rows);
			if (before >= 0) {
				assertThat(count(county, kind)).as(kind + " count").isEqualTo(before);
			}
			// and nothing was written: the export is the same file once more
			assertThat(cells(export(county, kind))).as(kind + " after").isEqualTo(cells(file));
		}
	}

	@Test
	void anEditedStationsExportUpdatesThoseStationsAndKeepsTheLiaisonNumbers() throws Exception {
		Api county = Api.as(port, "county");
		String tag = tag();
		// a station whose liaison officer has a mobile number, which the export masks
		JsonNode township = county.get("/api/v1/townships?q=T03").json().get("items").get(0);
		long id = county
			.post("/api/v1/stations", Api.json(Map.of("townshipId", township.get("id").asLong(), "name", "往返工作室" + tag,
					"address", "原地址" + tag, "liaisonOfficers", "李四 13812345678")))
			.id();

		byte[] file = export(county, "stations");
		List<List<String>> cells = cells(file);
		int total = cells.size() - 1;
		int idColumn = cells.get(0).indexOf("系统编号（请勿修改）");
		int row = -1;
		for (int r = 1; r < cells.size(); r++) {
			if (cells.get(r).get(idColumn).equals(String.valueOf(id))) {
				row = r;
			}
		}
		assertThat(row).as("the new station's row").isPositive();
		assertThat(cells.get(row).get(6)).isEqualTo("李四 138****5678");
		int stationsBefore = count(county, "stations");

		// the address column (2) edited, and another station deactivated in the status
		// column
		byte[] edited = edit(edit(file, row, 2, "新地址" + tag), row == 1 ? 2 : 1, cells.get(0).indexOf("状态"), "停用");
		JsonNode result = importFile(county, "stations", edited);
		assertThat(result.get("updated").asInt()).isEqualTo(2);
		assertThat(result.get("created").asInt()).isZero();
		assertThat(result.get("unchanged").asInt()).isEqualTo(total - 2);
		assertThat(count(county, "stations")).isEqualTo(stationsBefore);

		JsonNode station = county.get("/api/v1/stations/" + id).json();
		assertThat(station.get("address").asString()).isEqualTo("新地址" + tag);
		assertThat(station.get("name").asString()).isEqualTo("往返工作室" + tag);
		// the masked number came back as it went out: the stored number is kept
		assertThat(station.get("liaisonOfficers").asString()).isEqualTo("李四 13812345678");
		long other = Long.parseLong(cells.get(row == 1 ? 2 : 1).get(idColumn));
		assertThat(county.get("/api/v1/stations/" + other).json().get("active").asBoolean()).isFalse();
		county.post("/api/v1/stations/" + other + "/activate", "{}");
	}

	@Test
	void anEditedDeputiesExportKeepsTheirPhonesAndIdNumbers() throws Exception {
		Api county = Api.as(port, "county");
		String tag = tag();
		long station = county.get("/api/v1/stations?limit=1").json().get("items").get(0).get("id").asLong();
		long id = county.post("/api/v1/deputies",
				Api.json(Map.of("name", "往返代表" + tag, "levels", List.of("COUNTY"), "phone",
						"139" + tag.substring(0, 4) + "5678", "idNumber", "43052219800101123X", "stationIds",
						List.of(station))))
			.id();
		byte[] file = export(county, "deputies");
		List<List<String>> cells = cells(file);
		int idColumn = cells.get(0).indexOf("系统编号（请勿修改）");
		int row = -1;
		for (int r = 1; r < cells.size(); r++) {
			if (cells.get(r).get(idColumn).equals(String.valueOf(id))) {
				row = r;
			}
		}
		assertThat(cells.get(row).get(2)).isEqualTo("139****5678");

		// the constituency (column 4) edited
		JsonNode result = importFile(county, "deputies", edit(file, row, 4, "第九选区" + tag));
		assertThat(result.get("updated").asInt()).isEqualTo(1);
		assertThat(result.get("created").asInt()).isZero();
		JsonNode deputy = county.get("/api/v1/deputies/" + id).json();
		assertThat(deputy.get("constituency").asString()).isEqualTo("第九选区" + tag);
		assertThat(county.get("/api/v1/deputies/" + id + "/phone").json().get("phone").asString())
			.isEqualTo("139" + tag.substring(0, 4) + "5678");
		assertThat(deputy.get("idNumber").asString()).isEqualTo("4305**********123X");

		// a new phone typed in full replaces the stored one
		importFile(county, "deputies", edit(export(county, "deputies"), row, 2, "13700001111"));
		assertThat(county.get("/api/v1/deputies/" + id + "/phone").json().get("phone").asString())
			.isEqualTo("13700001111");
	}

	@Test
	void aRowWithoutAnIdIsANewRecordAndAnUnknownIdIsRefused() throws Exception {
		Api county = Api.as(port, "county");
		String tag = tag();
		byte[] file = export(county, "townships");
		List<List<String>> cells = cells(file);
		int last = cells.size() - 1;
		int idColumn = cells.get(0).indexOf("系统编号（请勿修改）");
		int before = count(county, "townships");

		// an existing township renamed in its row: the same record, a new name
		long renamedId = Long.parseLong(cells.get(last).get(idColumn));
		String oldName = cells.get(last).get(1);
		byte[] renamed = edit(file, last, 1, oldName + "改" + tag);
		JsonNode r = importFile(county, "townships", renamed);
		assertThat(r.get("updated").asInt()).as(r.toString() + cells(renamed).get(last)).isEqualTo(1);
		assertThat(county.get("/api/v1/townships/" + renamedId).json().get("name").asString())
			.isEqualTo(oldName + "改" + tag);
		importFile(county, "townships", edit(renamed, last, 1, oldName));
		assertThat(count(county, "townships")).isEqualTo(before);

		// the id cell emptied: the row is new again, and its code and name exist already
		var refused = county.post("/api/v1/townships/import",
				new Multipart().file("file", "t.xlsx", edit(file, last, idColumn, "")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("已存在");
		// an id nobody has
		var unknown = county.post("/api/v1/townships/import",
				new Multipart().file("file", "t.xlsx", edit(file, last, idColumn, "99999999")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("找不到编号为 99999999 的记录");
		assertThat(count(county, "townships")).isEqualTo(before);
	}

	@Test
	void aTownshipAdminsStationsExportImportsBackAndForeignIdsAreRefused() throws Exception {
		Api township = Api.as(port, "township");
		Api county = Api.as(port, "county");
		byte[] file = export(township, "stations");
		int rows = cells(file).size() - 1;
		JsonNode result = importFile(township, "stations", file);
		assertThat(result.get("unchanged").asInt()).isEqualTo(rows);

		// a row pointing at another township's station is refused, not an update
		long other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		long foreign = county.get("/api/v1/stations?townshipId=" + other).json().get("items").get(0).get("id").asLong();
		int idColumn = cells(file).get(0).indexOf("系统编号（请勿修改）");
		var refused = township.post("/api/v1/stations/import",
				new Multipart().file("file", "s.xlsx", edit(file, 1, idColumn, String.valueOf(foreign))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("找不到编号为 " + foreign);
	}

}
