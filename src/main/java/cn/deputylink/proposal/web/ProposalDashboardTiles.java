package cn.deputylink.proposal.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.proposal.CoSignerState;
import cn.deputylink.proposal.ProposalFilter;
import cn.deputylink.proposal.ProposalQueries;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.shell.DashboardTiles;

/**
 * What waits for the user among the proposals: the county's submitted ones to register
 * and the overdue ones; a deputy's drafts and replies to evaluate; a unit's proposals to
 * reply to.
 */
@Component
class ProposalDashboardTiles implements DashboardTiles {

	private final ProposalQueries proposals;

	ProposalDashboardTiles(ProposalQueries proposals) {
		this.proposals = proposals;
	}

	@Override
	public String heading() {
		return "dashboard.proposals";
	}

	@Override
	public List<Tile> tiles(CurrentUser user) {
		if (user.isCountyAdmin()) {
			return List.of(status("proposal.tile.toRegister", ProposalStatus.SUBMITTED, user),
					status("proposal.tile.toAssign", ProposalStatus.REGISTERED, user),
					tile("proposal.tile.overdue", filter(null, null, true, false), user, "/proposals?overdue=true"),
					tile("proposal.tile.keySupervised", filter(null, null, false, true), user,
							"/proposals?keySupervised=true"));
		}
		if (user.is(Role.TOWNSHIP_ADMIN)) {
			return List
				.of(tile("proposal.tile.overdue", filter(null, null, true, false), user, "/proposals?overdue=true"));
		}
		if (user.is(Role.DEPUTY)) {
			return List.of(status("proposal.tile.drafts", ProposalStatus.DRAFT, user),
					new Tile("proposal.tile.toCoSign", toCoSign(user), "/proposals?status=DRAFT"),
					status("proposal.tile.toEvaluate", ProposalStatus.REPLIED, user));
		}
		if (user.is(Role.DEPARTMENT_HANDLER) && user.departmentId() != null) {
			return List.of(
					tile("proposal.tile.toReply", filter(ProposalStatus.ASSIGNED, user.departmentId(), false, false),
							user, "/proposals?status=ASSIGNED"),
					tile("proposal.tile.overdue", filter(null, user.departmentId(), true, false), user,
							"/proposals?overdue=true"));
		}
		return List.of();
	}

	/** Drafts of other deputies that wait for this deputy's answer (附议). */
	private int toCoSign(CurrentUser user) {
		Long me = user.deputyId();
		if (me == null) {
			return 0;
		}
		return (int) proposals.list(filter(ProposalStatus.DRAFT, null, false, false), user, 0, 200, 0)
			.stream()
			.filter(p -> p.coSigners().stream().anyMatch(c -> c.deputyId() == me && c.state() == CoSignerState.PENDING))
			.count();
	}

	private Tile status(String label, ProposalStatus s, CurrentUser user) {
		return tile(label, filter(s, null, false, false), user, "/proposals?status=" + s.name());
	}

	private Tile tile(String label, ProposalFilter f, CurrentUser user, String href) {
		return new Tile(label, proposals.count(f, user), href);
	}

	private static ProposalFilter filter(@Nullable ProposalStatus s, @Nullable Long department, boolean overdue,
			boolean key) {
		return new ProposalFilter(s, null, null, department, overdue, key, null);
	}

}
