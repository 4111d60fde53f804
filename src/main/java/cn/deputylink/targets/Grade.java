package cn.deputylink.targets;

/** 优秀 / 合格 / 不合格, by the county's marks. */
public enum Grade {

	EXCELLENT, PASS, FAIL

}
