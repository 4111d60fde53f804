package cn.deputylink.demo.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.NewProposal;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalDrafting;
import cn.deputylink.proposal.ProposalEvaluation;
import cn.deputylink.proposal.ProposalHandling;
import cn.deputylink.proposal.ProposalRegistration;
import cn.deputylink.proposal.ProposalTime;
import cn.deputylink.shared.Upload;

/**
 * Deputies' proposals for the demo county, one or more in every status, through the
 * proposal facades as the users would take the steps: the {@code deputy} account's deputy
 * leads most (the county enters those born from constituents' opinions on its behalf,
 * 代录入, since the demo opinions were received by no deputy), another deputy of the
 * township leads one that waits for the demo deputy's co-signature; the
 * {@code department} account's unit handles them; several replied ones may be published.
 * Invented text.
 */
final class DemoProposals {

	/** Title, then the proposal. */
	static final String[][] TEXTS = { { "关于加快农村公路提质改造的建议", "部分村道路面破损严重，雨天通行困难，建议将其列入年度提质改造计划，优先改造学校、卫生院周边路段。" },
			{ "关于完善高龄老人居家养老服务的建议", "独居高龄老人日益增多，建议在村（社区）设立助餐点，定期上门探访，并简化高龄补贴申请手续。" },
			{ "关于加强农田水利设施维护的建议", "部分水渠年久失修，春耕灌溉用水困难，建议设立维护专项资金，明确管护责任。" },
			{ "关于规范集镇停车秩序的建议", "赶集日集镇车辆乱停乱放，经常堵车，建议规划临时停车位，加强交通疏导。" },
			{ "关于简化低保年审材料的建议", "低保年审材料繁多，行动不便的老人往返困难，建议推行数据共享、上门办理。" },
			{ "关于改善村级饮水安全的建议", "部分村自来水水压不足，高处住户经常停水，建议实施管网改造和加压设施建设。" },
			{ "关于加强村小学周边交通安全的建议", "村小学门前车辆较多，建议设置减速带和警示标志，上下学时段安排交通劝导。" },
			{ "关于推进农村生活垃圾分类的建议", "农村垃圾收集点不足，清运不及时，建议增设分类收集点，建立定期清运制度。" },
			{ "关于加大新农合政策宣传的建议", "群众对医保报销比例和定点医院的变化不了解，建议通过村广播、宣传栏等方式加强宣传。" },
			{ "关于修缮乡村文化活动场所的建议", "部分村文化活动室设施陈旧，建议安排资金修缮，丰富群众文化生活。" },
			{ "关于完善农村路灯照明的建议", "部分村组路灯损坏长期无人维修，建议明确维修责任单位和时限。" },
			{ "关于加强征地补偿款发放监管的建议", "个别项目征地补偿款发放滞后，建议建立台账，公开发放进度，接受群众监督。" } };

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final byte[] LETTER = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

	private final ProposalDrafting drafting;

	private final ProposalRegistration registration;

	private final ProposalHandling handling;

	private final ProposalEvaluation evaluation;

	private final OpinionQueries opinions;

	private final ProposalTime time;

	private final CurrentUser county;

	private final CurrentUser deputy;

	private final CurrentUser department;

	private int text;

	/**
	 * How many distinct opinions the submitted proposals were drafted from (all the ones
	 * taken are submitted).
	 */
	int linkedOpinions;

	DemoProposals(ProposalDrafting drafting, ProposalRegistration registration, ProposalHandling handling,
			ProposalEvaluation evaluation, OpinionQueries opinions, ProposalTime time, UserAccount county,
			UserAccount deputy, UserAccount department) {
		this.time = time;
		this.drafting = drafting;
		this.registration = registration;
		this.handling = handling;
		this.evaluation = evaluation;
		this.opinions = opinions;
		this.county = DemoOpinions.user(county);
		this.deputy = DemoOpinions.user(deputy);
		this.department = DemoOpinions.user(department);
	}

	/**
	 * Seeds; {@code deputiesOfFirstTownship} are the first township's deputies (the demo
	 * deputy first). Returns how many proposals were created.
	 */
	int seed(List<Long> deputiesOfFirstTownship) {
		long me = deputy.deputyId() == null ? deputiesOfFirstTownship.get(0) : deputy.deputyId();
		long other = deputiesOfFirstTownship.stream().filter(d -> d != me).findFirst().orElseThrow();
		long third = deputiesOfFirstTownship.stream().filter(d -> d != me && d != other).findFirst().orElse(other);
		List<Long> fromOpinions = convertibleOpinions();
		int created = 0;

		// drafts: the deputy's own, waiting for a co-signer's answer; another deputy's,
		// waiting for the demo deputy's
		draft(me, List.of(other), List.of(), Period.RECESS, false, deputy);
		draft(other, List.of(me), List.of(), Period.RECESS, false, county);
		created += 2;
		// withdrawn
		Proposal withdrawn = draft(me, List.of(), List.of(), Period.RECESS, false, deputy);
		drafting.withdraw(withdrawn.id(), null, deputy);
		created++;
		// submitted, from two opinions, with the demo deputy co-signing another's
		Proposal cosigned = draft(other, List.of(me), take(fromOpinions, 2), Period.RECESS, false, county);
		drafting.answerCoSign(cosigned.id(), true, deputy);
		drafting.submit(cosigned.id(), null, county);
		created++;
		// registered, waiting for assignment
		registered(draft(me, List.of(), take(fromOpinions, 1), Period.RECESS, true, county));
		created++;
		// refused
		Proposal refused = submitted(draft(third, List.of(), List.of(), Period.RECESS, false, county));
		registration.refuse(refused.id(), "所提事项属于司法程序处理范围，不宜作为代表建议立案，已转有关部门。", null, county);
		created++;
		// assigned: one plainly, one key-supervised, one whose unit asked for more time
		assigned(draft(me, List.of(), take(fromOpinions, 1), Period.RECESS, false, county));
		Proposal supervised = assigned(draft(me, List.of(), List.of(), Period.SESSION, true, deputy));
		registration.supervise(supervised.id(), true, "群众反映集中，列为重点督办。", county);
		Proposal longer = assigned(draft(me, List.of(), List.of(), Period.RECESS, false, deputy));
		handling.requestExtension(longer.id(), "涉及跨部门资金协调，需延期答复。", department);
		created += 3;
		// overdue: submitted, registered and assigned four months ago, never replied
		Clock past = Clock.fixed(ZonedDateTime.now(ZONE).minusMonths(4).withHour(10).toInstant(), ZONE);
		time.at(past, () -> assigned(draft(me, List.of(), take(fromOpinions, 1), Period.RECESS, false, county)));
		created++;
		// replied, published once evaluated
		replied(assigned(draft(me, List.of(), take(fromOpinions, 1), Period.RECESS, true, county)), "B");
		created++;
		// evaluated: satisfied; sent back once, replied again, then basically satisfied
		Proposal satisfied = replied(assigned(draft(me, List.of(), List.of(), Period.SESSION, true, deputy)), "A");
		evaluation.evaluate(satisfied.id(), Evaluation.SATISFIED, "答复及时，措施具体。", null, deputy);
		Proposal again = replied(assigned(draft(me, List.of(), take(fromOpinions, 1), Period.RECESS, true, county)),
				"C");
		evaluation.evaluate(again.id(), Evaluation.UNSATISFIED, "答复未说明具体时间安排，请补充。", null, deputy);
		replied(again, "B");
		evaluation.evaluate(again.id(), Evaluation.BASICALLY_SATISFIED, null, null, deputy);
		created += 2;
		// closed
		Proposal closed = replied(assigned(draft(me, List.of(), List.of(), Period.SESSION, true, deputy)), "A");
		evaluation.evaluate(closed.id(), Evaluation.SATISFIED, null, null, deputy);
		registration.close(closed.id(), "已办结归档。", null, county);
		created++;
		return created;
	}

	/**
	 * Opinions of the first township that have been triaged or gone further, oldest last.
	 */
	private List<Long> convertibleOpinions() {
		List<Long> ids = new ArrayList<>();
		for (OpinionStatus s : List.of(OpinionStatus.CLOSED, OpinionStatus.REPLIED, OpinionStatus.IN_PROGRESS,
				OpinionStatus.TRIAGED)) {
			for (Opinion o : opinions.list(OpinionFilter.none().withStatus(s), county, 0, 10, 0)) {
				ids.add(o.id());
			}
		}
		return ids;
	}

	private List<Long> take(List<Long> from, int n) {
		List<Long> out = new ArrayList<>();
		while (out.size() < n && !from.isEmpty()) {
			out.add(from.remove(0));
		}
		linkedOpinions += out.size();
		return out;
	}

	private Proposal draft(long lead, List<Long> coSigners, List<Long> opinionIds, Period period, boolean consent,
			CurrentUser by) {
		String[] t = TEXTS[text++ % TEXTS.length];
		return drafting.create(new NewProposal(t[0], t[1], lead, coSigners, opinionIds, period, consent), by);
	}

	private Proposal submitted(Proposal draft) {
		return drafting.submit(draft.id(), null, draft.onBehalf() ? county : deputy);
	}

	private Proposal registered(Proposal draft) {
		submitted(draft);
		return registration.register(draft.id(), null, null, county);
	}

	private Proposal assigned(Proposal draft) {
		registered(draft);
		return registration.assign(draft.id(), department.departmentId(), List.of(), "请按时办理并答复代表。", null, county);
	}

	private Proposal replied(Proposal p, String resultClass) {
		return handling.reply(p.id(), replyText(resultClass), resultClass, new Upload("答复函.pdf", LETTER), null,
				department);
	}

	private static String replyText(@Nullable String resultClass) {
		if ("A".equals(resultClass)) {
			return "经调查核实，所提问题已解决。我单位已安排专项资金实施，并将持续跟踪，感谢代表的关心和支持。";
		}
		if ("B".equals(resultClass)) {
			return "所提建议已列入明年工作计划，将分步实施，预计年底前完成第一阶段工作。";
		}
		return "受资金和政策限制，所提问题目前暂难解决，我单位已向上级反映，条件具备时优先安排。";
	}

}
