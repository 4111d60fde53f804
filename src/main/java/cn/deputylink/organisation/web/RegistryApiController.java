package cn.deputylink.organisation.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.Tier;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.Village;
import cn.deputylink.organisation.VillageService;
import cn.deputylink.shared.CursorPage;

/** The registry's JSON API ({@code docs/api.md}, "Organisation"). */
@RestController
@RequestMapping("/api/v1")
class RegistryApiController {

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final DeputyService deputies;

	private final DepartmentService departments;

	private final CategoryService categories;

	RegistryApiController(TownshipService townships, VillageService villages, StationService stations,
			DeputyService deputies, DepartmentService departments, CategoryService categories) {
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.deputies = deputies;
		this.departments = departments;
		this.categories = categories;
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
			Function<T, Long> id) {
		int n = CursorPage.limit(limit);
		return CursorPage.of(fetch.rows(CursorPage.after(cursor), n + 1), n, id);
	}

	// --- townships

	@PostMapping("/townships")
	@ResponseStatus(HttpStatus.CREATED)
	Township createTownship(@Valid @RequestBody TownshipForm form) {
		return townships.create(form, me());
	}

	@GetMapping("/townships")
	CursorPage<Township> townships(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor, (after, n) -> townships.list(filter(q, null, null, active), me(), after, n, 0),
				Township::id);
	}

	@GetMapping("/townships/{id}")
	Township township(@PathVariable long id) {
		return townships.get(id, me());
	}

	@PutMapping("/townships/{id}")
	Township updateTownship(@PathVariable long id, @Valid @RequestBody TownshipForm form) {
		return townships.update(id, form, me());
	}

	@PostMapping("/townships/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateTownship(@PathVariable long id) {
		townships.setActive(id, false, me());
	}

	@PostMapping("/townships/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateTownship(@PathVariable long id) {
		townships.setActive(id, true, me());
	}

	@DeleteMapping("/townships/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteTownship(@PathVariable long id) {
		townships.delete(id, me());
	}

	// --- villages

	@PostMapping("/villages")
	@ResponseStatus(HttpStatus.CREATED)
	Village createVillage(@Valid @RequestBody VillageForm form) {
		return villages.create(form, me());
	}

	@GetMapping("/villages")
	CursorPage<Village> villages(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor, (after, n) -> villages.list(filter(q, townshipId, null, active), me(), after, n, 0),
				Village::id);
	}

	@GetMapping("/villages/{id}")
	Village village(@PathVariable long id) {
		return villages.get(id, me());
	}

	@PutMapping("/villages/{id}")
	Village updateVillage(@PathVariable long id, @Valid @RequestBody VillageForm form) {
		return villages.update(id, form, me());
	}

	@PostMapping("/villages/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateVillage(@PathVariable long id) {
		villages.setActive(id, false, me());
	}

	@PostMapping("/villages/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateVillage(@PathVariable long id) {
		villages.setActive(id, true, me());
	}

	@DeleteMapping("/villages/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteVillage(@PathVariable long id) {
		villages.delete(id, me());
	}

	// --- stations

	@PostMapping("/stations")
	@ResponseStatus(HttpStatus.CREATED)
	Station createStation(@Valid @RequestBody StationForm form) {
		return stations.create(form, me());
	}

	@GetMapping("/stations")
	CursorPage<Station> stations(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor, (after, n) -> stations.list(filter(q, townshipId, null, active), me(), after, n, 0),
				Station::id);
	}

	@GetMapping("/stations/{id}")
	Station station(@PathVariable long id) {
		return stations.get(id, me());
	}

	@PutMapping("/stations/{id}")
	Station updateStation(@PathVariable long id, @Valid @RequestBody StationForm form) {
		return stations.update(id, form, me());
	}

	@PostMapping("/stations/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateStation(@PathVariable long id) {
		stations.setActive(id, false, me());
	}

	@PostMapping("/stations/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateStation(@PathVariable long id) {
		stations.setActive(id, true, me());
	}

	@DeleteMapping("/stations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteStation(@PathVariable long id) {
		stations.delete(id, me());
	}

	// --- deputies

	@PostMapping("/deputies")
	@ResponseStatus(HttpStatus.CREATED)
	Deputy createDeputy(@Valid @RequestBody DeputyForm form) {
		return deputies.create(form, me());
	}

	@GetMapping("/deputies")
	CursorPage<Deputy> deputies(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor,
				(after, n) -> deputies.list(filter(q, townshipId, stationId, active), me(), after, n, 0), Deputy::id);
	}

	@GetMapping("/deputies/{id}")
	Deputy deputy(@PathVariable long id) {
		return deputies.get(id, me());
	}

	/** The phone in full: only for the admins who call deputies; audited. */
	@GetMapping("/deputies/{id}/phone")
	Map<String, @Nullable String> deputyPhone(@PathVariable long id) {
		return Collections.singletonMap("phone", deputies.phone(id, me()).orElse(null));
	}

	@PutMapping("/deputies/{id}")
	Deputy updateDeputy(@PathVariable long id, @Valid @RequestBody DeputyForm form) {
		return deputies.update(id, form, me());
	}

	@PostMapping("/deputies/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateDeputy(@PathVariable long id) {
		deputies.setActive(id, false, me());
	}

	@PostMapping("/deputies/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateDeputy(@PathVariable long id) {
		deputies.setActive(id, true, me());
	}

	// --- departments

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	Department createDepartment(@Valid @RequestBody DepartmentForm form) {
		return departments.create(form, me());
	}

	@GetMapping("/departments")
	CursorPage<Department> departments(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Tier tier,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return page(limit, cursor,
				(after, n) -> departments.list(filter(q, townshipId, null, active), tier, me(), after, n, 0),
				Department::id);
	}

	@GetMapping("/departments/{id}")
	Department department(@PathVariable long id) {
		return departments.get(id, me());
	}

	@PutMapping("/departments/{id}")
	Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentForm form) {
		return departments.update(id, form, me());
	}

	@PostMapping("/departments/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateDepartment(@PathVariable long id) {
		departments.setActive(id, false, me());
	}

	@PostMapping("/departments/{id}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateDepartment(@PathVariable long id) {
		departments.setActive(id, true, me());
	}

	// --- categories: readable by every signed-in user

	/**
	 * The category list of {@code docs/api.md}: {@code [{code, name}]} plus the details.
	 */
	record CategoryView(String code, String name, String nameZh, String nameEn, int sortOrder, int dueWorkingDays,
			boolean active, int version) {

		static CategoryView of(Category c, Locale locale) {
			return new CategoryView(c.code(), c.name(locale), c.nameZh(), c.nameEn(), c.sortOrder(), c.dueWorkingDays(),
					c.active(), c.version());
		}
	}

	@GetMapping("/categories")
	List<CategoryView> categories(Locale locale) {
		me();
		return categories.all().stream().map(c -> CategoryView.of(c, locale)).toList();
	}

	@GetMapping("/categories/{code}")
	CategoryView category(@PathVariable String code, Locale locale) {
		me();
		return CategoryView.of(categories.get(code), locale);
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	CategoryView createCategory(@Valid @RequestBody CategoryForm form, Locale locale) {
		return CategoryView.of(categories.create(form, me()), locale);
	}

	@PutMapping("/categories/{code}")
	CategoryView updateCategory(@PathVariable String code, @Valid @RequestBody CategoryForm form, Locale locale) {
		return CategoryView.of(categories.update(code, form, me()), locale);
	}

	@PostMapping("/categories/{code}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivateCategory(@PathVariable String code) {
		categories.setActive(code, false, me());
	}

	@PostMapping("/categories/{code}/activate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void activateCategory(@PathVariable String code) {
		categories.setActive(code, true, me());
	}

}
