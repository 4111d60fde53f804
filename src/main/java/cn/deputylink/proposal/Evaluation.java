package cn.deputylink.proposal;

/** The lead deputy's evaluation of a reply (满意 / 基本满意 / 不满意). */
public enum Evaluation {

	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED

}
