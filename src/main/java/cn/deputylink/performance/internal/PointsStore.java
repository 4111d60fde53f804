package cn.deputylink.performance.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.deputylink.performance.PointsRow;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.performance.Publication;

/** The points tables for the facades: the scheme and the publications. */
@Component
public class PointsStore {

	private final SchemeRows schemes;

	private final PublicationRows publications;

	PointsStore(SchemeRows schemes, PublicationRows publications) {
		this.schemes = schemes;
		this.publications = publications;
	}

	/** A published line of a deputy with its table's key and size. */
	public record DeputyLine(int quarter, long townshipId, OffsetDateTime publishedAt, PointsRow row, int of) {
	}

	public PointsScheme scheme() {
		return schemes.load();
	}

	public void saveScheme(PointsScheme s) {
		schemes.save(s);
	}

	/** {@code ITEM=points;...}, as kept with a publication and in the audit log. */
	public static String text(PointsScheme s) {
		return SchemeRows.text(s);
	}

	public Optional<Publication> publication(int year, int quarter, long townshipId) {
		return publications.find(year, quarter, townshipId);
	}

	public long publish(int year, int quarter, long townshipId, OffsetDateTime at, long by, String scheme,
			List<PointsRow> rows) {
		return publications.insert(year, quarter, townshipId, at, by, scheme, rows);
	}

	public List<DeputyLine> ofDeputy(long deputyId, int year) {
		return publications.ofDeputy(deputyId, year);
	}

}
