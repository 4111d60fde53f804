package cn.deputylink.organisation;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.Masking;

/**
 * A deputy (人大代表). {@code phone} and {@code idNumber} are personal information:
 * everything that leaves the module for display goes through {@link #masked()}.
 */
public record Deputy(long id, String name, Set<DeputyLevel> levels, @Nullable String phone, @Nullable String idNumber,
		@Nullable String constituency, List<Long> stationIds, boolean active, int version) {

	public Deputy masked() {
		return new Deputy(id, name, levels, Masking.phone(phone), Masking.idNumber(idNumber), constituency, stationIds,
				active, version);
	}
}
