package cn.deputylink.shared;

/** A file as received, before its content is checked. */
public record Upload(String filename, byte[] bytes) {
}
