package cn.deputylink.proposal;

/** A step a user may take on a proposal (what its page offers). */
public enum ProposalStep {

	EDIT, WITHDRAW, SUBMIT, CO_SIGN, REGISTER, REFUSE, ASSIGN, SUPERVISE, CO_UNIT_INPUT, REQUEST_EXTENSION,
	DECIDE_EXTENSION, REPLY, EVALUATE, CLOSE

}
