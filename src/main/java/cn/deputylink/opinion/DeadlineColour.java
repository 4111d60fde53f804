package cn.deputylink.opinion;

/**
 * 三色督办: green while there is time, yellow as the due date nears, red once it has passed.
 */
public enum DeadlineColour {

	GREEN, YELLOW, RED

}
