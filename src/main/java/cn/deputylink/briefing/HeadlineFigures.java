package cn.deputylink.briefing;

import java.util.ArrayList;
import java.util.List;

/**
 * The six headline figures of a briefing, as the statistics counted them when it was
 * generated (domain rule 5).
 */
public record HeadlineFigures(long activities, long constituentsReceived, long householdsVisited, long opinions,
		long opinionsResolved, long opinionsConverted) {

	/** The message keys of the six figures' labels, in the bulletin's order. */
	public static final List<String> KEYS = List.of("briefing.figure.activities",
			"briefing.figure.constituentsReceived", "briefing.figure.householdsVisited", "briefing.figure.opinions",
			"briefing.figure.opinionsResolved", "briefing.figure.opinionsConverted");

	/** A figure of the bulletin's table: its label's message key and its value. */
	public record Cell(String key, long value) {
	}

	/** The table's cells, in the bulletin's order. */
	public List<Cell> cells() {
		long[] v = values();
		List<Cell> out = new ArrayList<>();
		for (int i = 0; i < KEYS.size(); i++) {
			out.add(new Cell(KEYS.get(i), v[i]));
		}
		return out;
	}

	/** The figures in the order of the bulletin's table. */
	public long[] values() {
		return new long[] { activities, constituentsReceived, householdsVisited, opinions, opinionsResolved,
				opinionsConverted };
	}

}
