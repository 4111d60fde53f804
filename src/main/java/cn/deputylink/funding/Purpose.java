package cn.deputylink.funding;

/** What an expenditure was for: 场所建设, 设备购置, 活动经费, 培训, 其他. */
public enum Purpose {

	SITE, EQUIPMENT, ACTIVITY, TRAINING, OTHER

}
