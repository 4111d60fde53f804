package cn.deputylink.shared.excel;

/**
 * Why one row of an import was refused; {@code messageKey} is resolved in the user's
 * language.
 */
public record RowError(int row, String messageKey, Object... args) {
}
