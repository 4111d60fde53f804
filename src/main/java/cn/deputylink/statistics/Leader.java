package cn.deputylink.statistics;

/**
 * A station or deputy among the period's most active: its id and its figures, ranked by
 * activities, then opinions, then resolved.
 */
public record Leader(long id, Summary summary) {
}
