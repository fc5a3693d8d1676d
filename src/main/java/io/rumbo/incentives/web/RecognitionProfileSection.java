package io.rumbo.incentives.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.RecognitionProfile;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffProfileSection;

/** The person's awards and highest badges on their profile page, through organization's extension point. */
@Component
class RecognitionProfileSection implements StaffProfileSection {

	private final RecognitionProfile profile;

	RecognitionProfileSection(RecognitionProfile profile) {
		this.profile = profile;
	}

	@Override
	public Optional<Section> section(CurrentUser reader, StaffId person) {
		return Optional.of(new Section("incentives/profile-section", 100, profile.of(reader, person)));
	}
}
