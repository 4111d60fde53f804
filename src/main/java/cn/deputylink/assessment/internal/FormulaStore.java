package cn.deputylink.assessment.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.assessment.AssessmentFormula;
import cn.deputylink.shared.ConflictException;

/** The one row of {@code assessment_formula}. */
@Component
public class FormulaStore {

	private final JdbcClient jdbc;

	FormulaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public AssessmentFormula load() {
		return jdbc.sql("""
				select proposal_timeliness, proposal_favourable, proposal_satisfaction, opinion_timeliness,
				       opinion_satisfaction, opinion_resolved, basically_factor, pass_mark, excellent_mark, version
				from assessment_formula where id = 1
				""")
			.query((rs, n) -> new AssessmentFormula(num(rs.getBigDecimal(1)), num(rs.getBigDecimal(2)),
					num(rs.getBigDecimal(3)), num(rs.getBigDecimal(4)), num(rs.getBigDecimal(5)),
					num(rs.getBigDecimal(6)), num(rs.getBigDecimal(7)), num(rs.getBigDecimal(8)),
					num(rs.getBigDecimal(9)), rs.getInt(10)))
			.optional()
			.orElse(AssessmentFormula.DEFAULT);
	}

	/** Stores {@code f} if the row still has {@code f.version()}; 409 otherwise. */
	public void save(AssessmentFormula f, String by, OffsetDateTime at) {
		int n = jdbc.sql("""
				update assessment_formula set proposal_timeliness = :pt, proposal_favourable = :pf,
				       proposal_satisfaction = :ps, opinion_timeliness = :ot, opinion_satisfaction = :os,
				       opinion_resolved = :orr, basically_factor = :bf, pass_mark = :pass, excellent_mark = :exc,
				       updated_at = :at, updated_by = :by, version = version + 1
				where id = 1 and version = :version
				""")
			.param("pt", BigDecimal.valueOf(f.proposalTimeliness()))
			.param("pf", BigDecimal.valueOf(f.proposalFavourable()))
			.param("ps", BigDecimal.valueOf(f.proposalSatisfaction()))
			.param("ot", BigDecimal.valueOf(f.opinionTimeliness()))
			.param("os", BigDecimal.valueOf(f.opinionSatisfaction()))
			.param("orr", BigDecimal.valueOf(f.opinionResolved()))
			.param("bf", BigDecimal.valueOf(f.basicallyFactor()))
			.param("pass", BigDecimal.valueOf(f.passMark()))
			.param("exc", BigDecimal.valueOf(f.excellentMark()))
			.param("at", at)
			.param("by", by)
			.param("version", f.version())
			.update();
		if (n == 0) {
			throw new ConflictException("assessment.formula.changed");
		}
	}

	private static double num(BigDecimal v) {
		return v.doubleValue();
	}

}
