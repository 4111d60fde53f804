package cn.deputylink.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.OpinionStatus;

/**
 * Every action in every status, with and without the reopened flag, against a table
 * written out by hand from {@code docs/domain.md}: legal ones lead where the diagram
 * says, all others are 409.
 */
class LifecycleTest {

	private static final OpinionStatus S = OpinionStatus.SUBMITTED, T = OpinionStatus.TRIAGED,
			A = OpinionStatus.ASSIGNED, P = OpinionStatus.IN_PROGRESS, R = OpinionStatus.REPLIED,
			C = OpinionStatus.CLOSED, M = OpinionStatus.MERGED;

	/**
	 * The legal moves: status → action → next status. A reopened case cannot reopen
	 * again.
	 */
	private static Map<OpinionStatus, Map<Action, OpinionStatus>> legal(boolean reopened) {
		Map<OpinionStatus, Map<Action, OpinionStatus>> t = new EnumMap<>(OpinionStatus.class);
		for (OpinionStatus s : OpinionStatus.values()) {
			t.put(s, new EnumMap<>(Action.class));
		}
		t.get(S).putAll(Map.of(Action.TRIAGE, T, Action.CLOSE, C, Action.MERGE, M, Action.ATTACH, S));
		t.get(T).putAll(Map.of(Action.TRIAGE, T, Action.ASSIGN, A, Action.CLOSE, C, Action.MERGE, M, Action.ATTACH, T));
		t.get(A).putAll(Map.of(Action.ACCEPT, P, Action.RETURN, T, Action.ESCALATE, A, Action.ATTACH, A));
		t.get(P).putAll(Map.of(Action.PROGRESS, P, Action.REPLY, R, Action.ESCALATE, P, Action.ATTACH, P));
		t.get(R).putAll(Map.of(Action.FEEDBACK, C, Action.CLOSE, C, Action.ATTACH, R));
		if (!reopened) {
			t.get(R).put(Action.REOPEN, A);
		}
		return t;
	}

	static Stream<Arguments> everyPair() {
		List<Arguments> all = new ArrayList<>();
		for (boolean reopened : new boolean[] { false, true }) {
			for (OpinionStatus s : OpinionStatus.values()) {
				for (Action a : Action.values()) {
					all.add(Arguments.of(s, a, reopened, legal(reopened).get(s).get(a)));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {3} (reopened={2})")
	@MethodSource("everyPair")
	void everyActionInEveryStatus(OpinionStatus from, Action action, boolean reopened, OpinionStatus expected) {
		if (expected == null) {
			assertThat(Lifecycle.allows(from, action, reopened)).isFalse();
			assertThatThrownBy(() -> Lifecycle.next(from, action, reopened)).isInstanceOf(ConflictException.class)
				.extracting(e -> ((ConflictException) e).messageKey())
				.isEqualTo("opinion.illegalTransition");
		}
		else {
			assertThat(Lifecycle.allows(from, action, reopened)).isTrue();
			assertThat(Lifecycle.next(from, action, reopened)).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "nothing leaves {0}")
	@MethodSource("finals")
	void finalStatusesAreFinal(OpinionStatus s) {
		for (Action a : Action.values()) {
			assertThat(Lifecycle.allows(s, a, false)).as(a.name()).isFalse();
		}
	}

	static Stream<OpinionStatus> finals() {
		return Stream.of(C, M);
	}

}
