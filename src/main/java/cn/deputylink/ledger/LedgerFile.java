package cn.deputylink.ledger;

/** A generated ledger workbook and its file name. */
public record LedgerFile(String fileName, byte[] content) {
}
