package io.rumbo.notifications.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.notifications.NotificationKind;
import io.rumbo.notifications.domain.Deliveries;
import io.rumbo.notifications.domain.Delivery;
import io.rumbo.notifications.domain.NotificationJobs;
import io.rumbo.shared.DemoMode;

/**
 * The demo's inboxes are not empty: the weekly digest and the at-risk alert as of today (what the jobs would have
 * delivered on Monday), and a task for the demo salesperson. Events from the demo data's own changes (quotas
 * published, awards, statements) add theirs as the other modules build it. Keyed like the real ones, so a restart
 * adds nothing. Runs after every other demo.
 */
@Component
@Order(500)
class DemoNotifications implements ApplicationRunner {

	private final DemoMode demo;
	private final UserManagement users;
	private final NotificationJobs jobs;
	private final Deliveries deliveries;
	private final Clock clock;

	DemoNotifications(DemoMode demo, UserManagement users, NotificationJobs jobs, Deliveries deliveries, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.jobs = jobs;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		CurrentUser rep = users.actAs("rep").orElse(null);
		if (!demo.enabled() || rep == null) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		jobs.digest(today);
		jobs.atRisk(today);
		deliveries.deliver(Delivery.of("demo-task:" + today, NotificationKind.TASK_ASSIGNED, Set.of(rep.id()), "/tasks",
				"Llamar a los clientes inactivos", today.plusDays(3), "manager"));
	}
}
