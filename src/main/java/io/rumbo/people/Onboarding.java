package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffHired;

/**
 * A person hired joins the roster and, when hired recently (within the onboarding window, so that loading earlier
 * staff enrols nobody), the next onboarding session with a free seat. Idempotent: a redelivered event finds the person
 * on the roster and already enrolled in onboarding.
 */
@Component
class Onboarding {

	private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

	private final Roster roster;
	private final Training training;
	private final OrgDirectory org;
	private final PeopleSettings settings;
	private final Clock clock;

	Onboarding(Roster roster, Training training, OrgDirectory org, PeopleSettings settings, Clock clock) {
		this.roster = roster;
		this.training = training;
		this.org = org;
		this.settings = settings;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(StaffHired hired) {
		String name = org.staffNames(java.util.List.of(hired.staff().value())).getOrDefault(hired.staff().value(),
				"#" + hired.staff().value());
		roster.put(hired.staff().value(), hired.unit().value(), hired.jobRole(), name, hired.hireDate());
		LocalDate today = LocalDate.now(clock);
		if (hired.hireDate().isBefore(today.minusDays(settings.onboardingWindowDays()))) {
			return;
		}
		training.enrolNewHire(hired.staff().value())
			.ifPresentOrElse(id -> log.info("New hire {} enrolled in onboarding (enrolment {})", hired.staff(), id),
					() -> log.info("New hire {}: no onboarding session open, or already enrolled", hired.staff()));
	}
}
