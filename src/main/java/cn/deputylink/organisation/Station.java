package cn.deputylink.organisation;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A liaison workstation (代表联系群众工作室): where deputies receive the people of its villages.
 */
public record Station(long id, long townshipId, String name, String address, @Nullable String openingRule,
		Set<Facility> facilities, @Nullable String liaisonOfficers, List<Long> villageIds, List<Long> deputyIds,
		boolean active, int version) {
}
