package cn.deputylink.organisation;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What clients send to create or change registry records, in the API and the pages alike.
 * Lists that are absent mean empty. {@code version} is the version the client last saw
 * (required on update). A {@code @NotNull} property is {@code @Nullable} in Java: a sheet
 * row builds its form before the form is validated, so an empty cell arrives as null and
 * is reported against its column.
 */
public final class Forms {

	private Forms() {
	}

	public record TownshipForm(@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*") String code,
			@NotBlank @Size(max = 100) String name, @Nullable Integer version) {
	}

	public record VillageForm(@NotNull @Nullable Long townshipId, @NotBlank @Size(max = 100) String name,
			@Nullable Integer version) {
	}

	public record StationForm(@NotNull @Nullable Long townshipId, @NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 300) String address, @Nullable @Size(max = 300) String openingRule,
			@Nullable Set<Facility> facilities, @Nullable @Size(max = 300) String liaisonOfficers,
			@Nullable List<Long> villageIds, @Nullable Integer version) {

		public Set<Facility> facilitiesOrEmpty() {
			return facilities == null ? Set.of() : facilities;
		}

		public List<Long> villageIdsOrEmpty() {
			return villageIds == null ? List.of() : villageIds;
		}
	}

	public record DeputyForm(@NotBlank @Size(max = 50) String name, @NotEmpty Set<DeputyLevel> levels,
			@Nullable @Pattern(regexp = "|1\\d{10}|0\\d{2,3}-?\\d{7,8}", message = "{validation.phone}") String phone,
			@Nullable @Pattern(regexp = "|\\d{17}[\\dXx]", message = "{validation.idNumber}") String idNumber,
			@Nullable @Size(max = 200) String constituency, @Nullable List<Long> stationIds,
			@Nullable Integer version) {

		public List<Long> stationIdsOrEmpty() {
			return stationIds == null ? List.of() : stationIds;
		}
	}

	public record DepartmentForm(@NotBlank @Size(max = 100) String name, @NotNull @Nullable Tier tier,
			@Nullable Long townshipId, @Nullable List<String> categoryCodes, @Nullable Integer version) {

		public List<String> categoryCodesOrEmpty() {
			return categoryCodes == null ? List.of() : categoryCodes;
		}
	}

	public record CategoryForm(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
			@NotBlank @Size(max = 50) String nameZh, @NotBlank @Size(max = 80) String nameEn,
			@Nullable Integer sortOrder, @NotNull @Min(1) @Max(90) @Nullable Integer dueWorkingDays,
			@Nullable Integer version) {
	}

}
