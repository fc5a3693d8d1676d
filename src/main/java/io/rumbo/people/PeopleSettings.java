package io.rumbo.people;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The module's settings: how many days ahead an expiring qualification is flagged
 * ({@code rumbo.people.expiry-warning-days}, 60) and how recent a hire must be to be enrolled in onboarding
 * automatically ({@code rumbo.people.onboarding-window-days}, 90: older hire dates are records of earlier staff).
 */
@Component
public class PeopleSettings {

	private final int expiryWarningDays;
	private final int onboardingWindowDays;

	PeopleSettings(@Value("${rumbo.people.expiry-warning-days:60}") int expiryWarningDays,
			@Value("${rumbo.people.onboarding-window-days:90}") int onboardingWindowDays) {
		this.expiryWarningDays = expiryWarningDays;
		this.onboardingWindowDays = onboardingWindowDays;
	}

	public int expiryWarningDays() {
		return expiryWarningDays;
	}

	public int onboardingWindowDays() {
		return onboardingWindowDays;
	}
}
