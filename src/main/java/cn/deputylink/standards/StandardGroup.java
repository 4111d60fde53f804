package cn.deputylink.standards;

/** The three parts of the checklist: "六有", "三个落实", "两个明确". */
public enum StandardGroup {

	SIX_HAVES, THREE_IMPLEMENTS, TWO_CLEARS

}
