package cn.deputylink.assessment;

/** 优秀 / 合格 / 不合格, by the formula's marks. */
public enum Grade {

	EXCELLENT, PASS, FAIL

}
