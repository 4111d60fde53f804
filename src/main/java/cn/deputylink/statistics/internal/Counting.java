package cn.deputylink.statistics.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityRecords;
import cn.deputylink.opinion.OpinionCount;
import cn.deputylink.opinion.OpinionRecords;

/**
 * Brings one record's projection row and its rollup cells up to date: the row is locked
 * first, then the record is read from its owning module (its state now, whatever the
 * order in which its events arrive), written, and the cells it left and entered are
 * recomputed (for an opinion, then its month cells, {@link OpinionMonths}). Repeating it
 * changes nothing.
 */
@Component
public class Counting {

	private final Projections projections;

	private final Rollups rollups;

	private final OpinionMonths months;

	private final OpinionRecords opinions;

	private final ActivityRecords activities;

	Counting(Projections projections, Rollups rollups, OpinionMonths months, OpinionRecords opinions,
			ActivityRecords activities) {
		this.projections = projections;
		this.rollups = rollups;
		this.months = months;
		this.opinions = opinions;
		this.activities = activities;
	}

	@Transactional
	public void opinion(long id) {
		projections.lockOpinion(id);
		Optional<OpinionCount> source = opinions.counted(id);
		List<Cell> cells = source.isPresent() ? projections.write(projections.of(source.get()))
				: projections.deleteOpinion(id);
		rollups.recompute(cells);
		months.recompute(OpinionMonths.monthsOf(cells));
	}

	@Transactional
	public void activity(long id) {
		projections.lockActivity(id);
		Optional<Activity> source = activities.activity(id);
		List<Cell> cells = source.isPresent() ? projections.write(Projections.of(source.get()))
				: projections.deleteActivity(id);
		rollups.recompute(cells);
	}

}
