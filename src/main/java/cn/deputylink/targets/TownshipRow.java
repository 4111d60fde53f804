package cn.deputylink.targets;

import java.math.BigDecimal;
import java.util.List;

/** A township's row of the year's ranking with its items. */
public record TownshipRow(long townshipId, String townshipName, BigDecimal score, Grade grade, int rank,
		List<ItemScore> items) {

	public TownshipResult result() {
		return new TownshipResult(townshipId, score, grade, rank);
	}

}
