package cn.deputylink.organisation;

import static cn.deputylink.organisation.RegistryChecks.constrained;
import static cn.deputylink.organisation.RegistryChecks.stale;
import static cn.deputylink.organisation.RegistryChecks.version;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Opinion categories, keyed by a code that never changes; the county admin keeps them.
 */
@Service
public class CategoryService {

	private final Categories categories;

	CategoryService(Categories categories) {
		this.categories = categories;
	}

	@Transactional(readOnly = true)
	public List<Category> all() {
		return categories.all();
	}

	@Transactional(readOnly = true)
	public Category get(String code) {
		return categories.find(code).orElseThrow(() -> new NotFoundException("category", code));
	}

	@Transactional
	public Category create(CategoryForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		Category c = new Category(f.code(), f.nameZh().strip(), f.nameEn().strip(),
				f.sortOrder() == null ? 100 : f.sortOrder(), due(f), true, 0);
		return constrained(() -> {
			categories.insert(c);
			return categories.find(c.code()).orElseThrow();
		});
	}

	@Transactional
	public Category update(String code, CategoryForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		Category old = get(code);
		if (!old.code().equals(f.code())) {
			throw new InvalidInputException("code", "category.codeFixed");
		}
		return constrained(() -> {
			stale(categories.update(new Category(code, f.nameZh().strip(), f.nameEn().strip(),
					f.sortOrder() == null ? old.sortOrder() : f.sortOrder(), due(f), old.active(),
					version(f.version()))));
			return categories.find(code).orElseThrow();
		});
	}

	@Transactional
	public void setActive(String code, boolean active, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		get(code);
		constrained(() -> categories.setActive(code, active));
	}

	private static int due(CategoryForm f) {
		return Objects.requireNonNull(f.dueWorkingDays(), "dueWorkingDays is validated @NotNull");
	}

}
