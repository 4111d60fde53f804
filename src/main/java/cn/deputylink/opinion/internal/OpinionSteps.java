package cn.deputylink.opinion.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.opinion.OpinionSettings;
import cn.deputylink.opinion.OpinionTime;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.NotFoundException;

/**
 * What every step does around the aggregate: load it (404) and check the user may see it
 * (403); count its deadlines; save the change and publish its event in the caller's
 * transaction.
 */
@Component
public class OpinionSteps implements OpinionCase.Terms {

	private final Opinions opinions;

	private final RegistryLookup registryLookup;

	private final WorkingCalendar calendar;

	private final OpinionSettings settings;

	private final OpinionTime time;

	private final ApplicationEventPublisher events;

	OpinionSteps(Opinions opinions, RegistryLookup registryLookup, WorkingCalendar calendar, OpinionSettings settings,
			OpinionTime time, ApplicationEventPublisher events) {
		this.opinions = opinions;
		this.registryLookup = registryLookup;
		this.calendar = calendar;
		this.settings = settings;
		this.time = time;
		this.events = events;
	}

	public OpinionCase load(long id) {
		return opinions.findCase(id).orElseThrow(() -> new NotFoundException("opinion", id));
	}

	/** The opinion (404) if the user may see it (403). */
	public OpinionCase visible(long id, CurrentUser u) {
		OpinionCase c = load(id);
		if (!canSee(u, c.state())) {
			throw new AccessDeniedException("opinion scope");
		}
		return c;
	}

	private boolean canSee(CurrentUser u, Opinion o) {
		// a department that returned a case may still read it; asked only of handlers
		boolean handled = u.is(Role.DEPARTMENT_HANDLER) && u.departmentId() != null
				&& !u.departmentId().equals(o.departmentId()) && opinions.everHandledBy(o.id(), u.departmentId());
		return Policy.canSee(u, o, handled);
	}

	/** Saves the step and publishes its event; returns the opinion after it. */
	public Opinion save(OpinionCase.Change change) {
		opinions.save(change);
		events.publishEvent(change.event());
		return change.opinion();
	}

	public void publish(OpinionEvent event) {
		events.publishEvent(event);
	}

	@Override
	public OffsetDateTime now() {
		return time.now();
	}

	@Override
	public LocalDate today() {
		return time.today();
	}

	@Override
	public LocalDate dueDate(@Nullable String categoryCode) {
		int dueDays = registryLookup.category(categoryCode == null ? "" : categoryCode)
			.map(Category::dueWorkingDays)
			.filter(d -> d > 0)
			.orElse(settings.defaultDueWorkingDays());
		return calendar.addWorkingDays(today(), dueDays);
	}

	@Override
	public LocalDate returnBy() {
		return calendar.addWorkingDays(today(), settings.returnWorkingDays());
	}

}
