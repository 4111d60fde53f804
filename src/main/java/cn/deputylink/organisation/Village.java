package cn.deputylink.organisation;

/** A village or community (村/社区) of a township. */
public record Village(long id, long townshipId, String name, boolean active, int version) {
}
