package cn.deputylink.standards;

/** A township's active stations up to standard, of its active stations in total. */
public record TownshipStandard(long townshipId, int upToStandard, int total) {
}
