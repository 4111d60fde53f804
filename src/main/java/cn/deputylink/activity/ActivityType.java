package cn.deputylink.activity;

/**
 * The kinds of deputies' activity (代表活动) of {@code docs/domain.md}: reception day (接待),
 * visit (走访慰问), practical deed (办实事), poverty-aid work (帮扶), study session (学习),
 * deputy-group activity (代表小组活动), inspection or research (视察调研).
 */
public enum ActivityType {

	RECEPTION, VISIT, PRACTICAL_DEED, POVERTY_AID, STUDY, GROUP_ACTIVITY, INSPECTION

}
