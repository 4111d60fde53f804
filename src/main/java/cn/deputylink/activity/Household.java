package cn.deputylink.activity;

import org.jspecify.annotations.Nullable;

/**
 * A poor household of the pairing register (联系帮扶贫困户) as it leaves the module: the name
 * masked in lists ({@code 张**}), the ID number only ever masked, the village and its
 * township, how many deputies are paired with it now.
 */
public record Household(long id, String name, long villageId, String villageName, long townshipId,
		@Nullable String situation, @Nullable String idNumber, int activePairings, int version) {
}
