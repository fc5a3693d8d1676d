package io.rumbo.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.people.domain.RecruitmentFigureQueries;
import io.rumbo.shared.domain.AccessRefusedException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Recruitment figures over the reader's data scope (counts only, never a candidate's name): time to fill per unit
 * (days from approval to the hire, for requisitions filled in the period), candidates per hire by source (among the
 * candidates who applied in the period), and the open requisitions per unit now.
 */
@Service
public class RecruitmentFigures {

	@Schema(name = "PeopleRecruitmentFigures")
	public record Figures(LocalDate from, LocalDate to, List<RecruitmentFigureQueries.TimeToFill> timeToFill,
			List<RecruitmentFigureQueries.BySource> bySource, List<RecruitmentFigureQueries.OpenByUnit> openByUnit) {
	}

	private final RecruitmentFigureQueries queries;
	private final DataScopes scopes;

	RecruitmentFigures(RecruitmentFigureQueries queries, DataScopes scopes) {
		this.queries = queries;
		this.scopes = scopes;
	}

	@Transactional(readOnly = true)
	public Figures figures(CurrentUser actor, LocalDate from, LocalDate to) {
		if (!Requisitions.mayRead(actor)) {
			throw new AccessRefusedException("requisitions");
		}
		var scope = scopes.of(actor);
		return new Figures(from, to, queries.timeToFill(scope, from, to), queries.bySource(scope, from, to),
				queries.openByUnit(scope));
	}
}
