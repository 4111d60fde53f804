package cn.deputylink.duty;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.opinion.Outcome;

/**
 * The reception form of a duty day: attendance of each deputy on duty, constituents
 * received and the opinions raised there (each optionally answered on the spot).
 */
public record Reception(@Nullable List<Attendee> attendance, @Nullable Integer constituentsReceived,
		@Nullable List<RaisedOpinion> opinions, @Nullable Integer version) {

	/**
	 * An opinion raised at the reception; {@code outcome} and {@code answer} when
	 * answered on the spot.
	 */
	public record RaisedOpinion(@Nullable String content, @Nullable String categoryCode, @Nullable Long villageId,
			@Nullable String name, @Nullable String phone, boolean anonymous, @Nullable Outcome outcome,
			@Nullable String answer) {
	}

}
