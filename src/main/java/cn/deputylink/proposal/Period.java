package cn.deputylink.proposal;

/** When a proposal was made: during the annual session (大会期间) or in recess (闭会期间). */
public enum Period {

	SESSION, RECESS

}
