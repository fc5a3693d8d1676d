package io.rumbo.incentives;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.RecognitionViews.BadgeView;
import io.rumbo.incentives.RecognitionViews.PersonRecognition;
import io.rumbo.organization.StaffId;
import io.rumbo.shared.web.ListQuery;

/**
 * A person's recognition as their profile shows it: their latest awards (not revoked) and, per measure and period,
 * the highest badge, within the reader's scope (the profile itself is only open to whoever may see the person).
 */
@Service
public class RecognitionProfile {

	private final Awards awards;
	private final Badges badges;

	RecognitionProfile(Awards awards, Badges badges) {
		this.awards = awards;
		this.badges = badges;
	}

	@Transactional(readOnly = true)
	public PersonRecognition of(CurrentUser reader, StaffId person) {
		var awardList = awards.list(reader, new Awards.Filter(person.value(), null, null, null, false),
				ListQuery.of(0, 10, null, Awards.SORTS, "grantedAt,desc")).content();
		List<BadgeView> all = badges.list(reader, new Badges.Filter(person.value(), null, null, null),
				ListQuery.of(0, 100, null, Badges.SORTS, "earnedOn,desc")).content();
		// Highest badge per measure and period: the 120 % badge says the 50 % one already.
		Map<String, BadgeView> highest = new LinkedHashMap<>();
		for (BadgeView b : all) {
			highest.merge(b.measure() + "|" + b.period(), b, (x, y) -> x.threshold() >= y.threshold() ? x : y);
		}
		return new PersonRecognition(person.value(), awardList, new ArrayList<>(highest.values()).stream().limit(12)
			.toList());
	}
}
