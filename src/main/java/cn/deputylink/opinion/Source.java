package cn.deputylink.opinion;

/** Where an opinion came in. */
public enum Source {

	RECEPTION, OPINION_BOX, VISIT, ONLINE, PHONE

}
