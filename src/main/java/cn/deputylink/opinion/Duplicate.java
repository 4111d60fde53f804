package cn.deputylink.opinion;

/** A possible duplicate of an opinion and how similar its text is (0–1). */
public record Duplicate(Opinion opinion, double similarity) {

	public int percent() {
		return (int) Math.round(similarity * 100);
	}
}
