package cn.deputylink.ledger;

/** A station a user may make the ledger of, with its township. */
public record LedgerStation(long id, String name, long townshipId, String townshipName) {
}
