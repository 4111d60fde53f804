package cn.deputylink.organisation.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Registry;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Tier;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.Village;
import cn.deputylink.shared.CursorPage;

/** The registry's JSON API ({@code docs/api.md}, "Organisation"). */
@RestController
@RequestMapping("/api/v1")
class RegistryApiController {

	private final Registry registry;

	RegistryApiController(Registry registry) {
		this.registry = registry;
	}

	private static CurrentUser me() {
		return CurrentUser.get();
	}

	private static ListFilter filter(@Nullable String q, @Nullable Long townshipId, @Nullable Long stationId,
			@Nullable Boolean active) {
		return new ListFilter(q, townshipId, stationId, active);
	}

	/** Fetches one row more than asked, to know whether there is a next page. */
	interface Fetch<T> {

		List<T> rows(long afterId, int limit);
	}

	private static <T> CursorPage<T> page(@Nullable Integer limit, @Nullable String cursor, Fetch<T> fetch,
			java.util.function.Function<T, Long> id) {
		int n = CursorPage.limit(limit);
		return CursorPage.of(fetch.rows(CursorPage.after(cursor), n + 1), n, id);
	}

	// --- townships

	@PostMapping("/townships")
	@ResponseStatus(HttpStatus.CREATED)
	Township createTownship(@Valid @RequestBody TownshipForm form) {
		return registry.createTownship(form, me());
	}

	@GetMapping("/townships")
	CursorPage<Township> townships(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor, (after, n) -> registry.townships(filter(q, null, null, active), me(), after, n, 0),
				Township::id);
	}

	@GetMapping("/townships/{id}")
	Township township(@PathVariable long id) {
		return registry.township(id, me());
	}

	@PutMapping("/townships/{id}")
	Township updateTownship(@PathVariable long id, @Valid @RequestBody TownshipForm form) {
		return registry.updateTownship(id, form, me());
	}

	@PostMapping("/townships/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateTownship(@PathVariable long id) {
		registry.setTownshipActive(id, false, me());
	}

	@PostMapping("/townships/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateTownship(@PathVariable long id) {
		registry.setTownshipActive(id, true, me());
	}

	@DeleteMapping("/townships/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteTownship(@PathVariable long id) {
		registry.deleteTownship(id, me());
	}

	// --- villages

	@PostMapping("/villages")
	@ResponseStatus(HttpStatus.CREATED)
	Village createVillage(@Valid @RequestBody VillageForm form) {
		return registry.createVillage(form, me());
	}

	@GetMapping("/villages")
	CursorPage<Village> villages(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor,
				(after, n) -> registry.villages(filter(q, townshipId, null, active), me(), after, n, 0), Village::id);
	}

	@GetMapping("/villages/{id}")
	Village village(@PathVariable long id) {
		return registry.village(id, me());
	}

	@PutMapping("/villages/{id}")
	Village updateVillage(@PathVariable long id, @Valid @RequestBody VillageForm form) {
		return registry.updateVillage(id, form, me());
	}

	@PostMapping("/villages/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateVillage(@PathVariable long id) {
		registry.setVillageActive(id, false, me());
	}

	@PostMapping("/villages/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateVillage(@PathVariable long id) {
		registry.setVillageActive(id, true, me());
	}

	@DeleteMapping("/villages/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteVillage(@PathVariable long id) {
		registry.deleteVillage(id, me());
	}

	// --- stations

	@PostMapping("/stations")
	@ResponseStatus(HttpStatus.CREATED)
	Station createStation(@Valid @RequestBody StationForm form) {
		return registry.createStation(form, me());
	}

	@GetMapping("/stations")
	CursorPage<Station> stations(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor,
				(after, n) -> registry.stations(filter(q, townshipId, null, active), me(), after, n, 0), Station::id);
	}

	@GetMapping("/stations/{id}")
	Station station(@PathVariable long id) {
		return registry.station(id, me());
	}

	@PutMapping("/stations/{id}")
	Station updateStation(@PathVariable long id, @Valid @RequestBody StationForm form) {
		return registry.updateStation(id, form, me());
	}

	@PostMapping("/stations/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateStation(@PathVariable long id) {
		registry.setStationActive(id, false, me());
	}

	@PostMapping("/stations/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateStation(@PathVariable long id) {
		registry.setStationActive(id, true, me());
	}

	@DeleteMapping("/stations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteStation(@PathVariable long id) {
		registry.deleteStation(id, me());
	}

	// --- deputies

	@PostMapping("/deputies")
	@ResponseStatus(HttpStatus.CREATED)
	Deputy createDeputy(@Valid @RequestBody DeputyForm form) {
		return registry.createDeputy(form, me());
	}

	@GetMapping("/deputies")
	CursorPage<Deputy> deputies(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor,
				(after, n) -> registry.deputies(filter(q, townshipId, stationId, active), me(), after, n, 0), Deputy::id);
	}

	@GetMapping("/deputies/{id}")
	Deputy deputy(@PathVariable long id) {
		return registry.deputy(id, me());
	}

	/** The phone in full: only for the admins who call deputies; audited. */
	@GetMapping("/deputies/{id}/phone")
	Map<String, @Nullable String> deputyPhone(@PathVariable long id) {
		return java.util.Collections.singletonMap("phone", registry.deputyPhone(id, me()).orElse(null));
	}

	@PutMapping("/deputies/{id}")
	Deputy updateDeputy(@PathVariable long id, @Valid @RequestBody DeputyForm form) {
		return registry.updateDeputy(id, form, me());
	}

	@PostMapping("/deputies/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateDeputy(@PathVariable long id) {
		registry.setDeputyActive(id, false, me());
	}

	@PostMapping("/deputies/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateDeputy(@PathVariable long id) {
		registry.setDeputyActive(id, true, me());
	}

	// --- departments

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	Department createDepartment(@Valid @RequestBody DepartmentForm form) {
		return registry.createDepartment(form, me());
	}

	@GetMapping("/departments")
	CursorPage<Department> departments(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId, @RequestParam(required = false) @Nullable Tier tier,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor,
				(after, n) -> registry.departments(filter(q, townshipId, null, active), tier, me(), after, n, 0),
				Department::id);
	}

	@GetMapping("/departments/{id}")
	Department department(@PathVariable long id) {
		return registry.department(id, me());
	}

	@PutMapping("/departments/{id}")
	Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentForm form) {
		return registry.updateDepartment(id, form, me());
	}

	@PostMapping("/departments/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateDepartment(@PathVariable long id) {
		registry.setDepartmentActive(id, false, me());
	}

	@PostMapping("/departments/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateDepartment(@PathVariable long id) {
		registry.setDepartmentActive(id, true, me());
	}

	// --- categories: readable by every signed-in user

	/** The category list of {@code docs/api.md}: {@code [{code, name}]} plus the details. */
	record CategoryView(String code, String name, String nameZh, String nameEn, int sortOrder, int dueWorkingDays,
			boolean active, int version) {

		static CategoryView of(Category c, java.util.Locale locale) {
			return new CategoryView(c.code(), c.name(locale), c.nameZh(), c.nameEn(), c.sortOrder(), c.dueWorkingDays(),
					c.active(), c.version());
		}
	}

	@GetMapping("/categories")
	List<CategoryView> categories(java.util.Locale locale) {
		me();
		return registry.categories().stream().map(c -> CategoryView.of(c, locale)).toList();
	}

	@GetMapping("/categories/{code}")
	CategoryView category(@PathVariable String code, java.util.Locale locale) {
		me();
		return CategoryView.of(registry.category(code), locale);
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	CategoryView createCategory(@Valid @RequestBody CategoryForm form, java.util.Locale locale) {
		return CategoryView.of(registry.createCategory(form, me()), locale);
	}

	@PutMapping("/categories/{code}")
	CategoryView updateCategory(@PathVariable String code, @Valid @RequestBody CategoryForm form,
			java.util.Locale locale) {
		return CategoryView.of(registry.updateCategory(code, form, me()), locale);
	}

	@PostMapping("/categories/{code}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateCategory(@PathVariable String code) {
		registry.setCategoryActive(code, false, me());
	}

	@PostMapping("/categories/{code}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateCategory(@PathVariable String code) {
		registry.setCategoryActive(code, true, me());
	}
}
