package cn.deputylink.organisation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A handling unit (承办单位): a county bureau, a township government or a village committee.
 */
public record Department(long id, String name, Tier tier, @Nullable Long townshipId, List<String> categoryCodes,
		boolean active, int version) {
}
