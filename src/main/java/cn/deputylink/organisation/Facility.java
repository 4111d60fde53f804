package cn.deputylink.organisation;

/** The office equipment a standard station has ("落实办公设施"). */
public enum Facility {

	SIGNBOARD, RECEPTION_ROOM, DESKS_CHAIRS, COMPUTER, LANDLINE, FILING_CABINET, OPINION_BOX

}
