package cn.deputylink.organisation;

/** A township (乡镇) of the county. */
public record Township(long id, String code, String name, boolean active, int version) {
}
