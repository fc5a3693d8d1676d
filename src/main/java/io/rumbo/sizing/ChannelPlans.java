package io.rumbo.sizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.incentives.IncentivePlans;
import io.rumbo.incentives.PlanState;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.PlanView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.sizing.domain.ChannelPlan;

/**
 * Keeps the incentive plan that pays a channel by its terms (decision 0042) through incentives' plan API: created
 * for the current fiscal year when the terms first name a seller, revised (a new version when approved) whenever
 * they change, and approved at once when the director who saves the terms may approve plans; saved by an
 * administrator, the new version waits as a draft for a director. Terms without a seller pay nothing; terms whose
 * seller is taken away keep the plan with a share of 0 % so that what was paid stays explained.
 */
@Component
class ChannelPlans {

	/** The plan of a channel as the terms page shows it. */
	record Plan(long id, String code, PlanState state) {
	}

	private final IncentivePlans plans;
	private final CatalogManagement catalog;
	private final FiscalCalendar calendar;
	private final JdbcClient jdbc;
	private final OrgDirectory org;

	private static final Logger LOG = LoggerFactory.getLogger(ChannelPlans.class);

	/** Who writes a year's plans in the yearly renewal: as the director who approved the terms, or as an administrator. */
	private static final CurrentUser SYSTEM_DIRECTOR = new CurrentUser(new UserId(0), "system", "Rumbo",
			Set.of(Role.DIRECTOR));
	private static final CurrentUser SYSTEM_ADMIN = new CurrentUser(new UserId(0), "system", "Rumbo",
			Set.of(Role.ADMIN));

	ChannelPlans(IncentivePlans plans, CatalogManagement catalog, FiscalCalendar calendar, JdbcClient jdbc,
			OrgDirectory org) {
		this.org = org;
		this.plans = plans;
		this.catalog = catalog;
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	/** Writes the channel's plan of the current fiscal year for the terms just saved and remembers it on the terms row. */
	void maintain(CurrentUser actor, long unitId, String channelName, ChannelBasis basis, BigDecimal share,
			@Nullable Long seller, List<Long> lines, LocalDate validFrom) {
		maintain(actor, calendar.currentYear(), unitId, channelName, basis, share, seller, lines, validFrom);
	}

	/**
	 * The yearly renewal (decision 0042): writes the plan of fiscal year {@code year} for every channel with a seller
	 * whose last plan is of an earlier year, from its terms as they stand, so that a new fiscal year pays channels
	 * without the director saving the terms again. The new plan is approved when the one it follows was (the director
	 * approved those terms), and waits as a draft for a director otherwise. Returns how many plans it wrote.
	 */
	int renew(int year) {
		return renew(year, null);
	}

	/** {@link #renew(int)} for the channels of {@code units} only (every channel when null). */
	int renew(int year, java.util.@Nullable Collection<Long> units) {
		record Terms(long unit, ChannelBasis basis, BigDecimal share, long seller, List<Long> lines, LocalDate from) {
		}
		List<Terms> terms = jdbc.sql("""
				SELECT unit_id, basis, share_percent, seller_staff_id, product_line_ids, valid_from
				FROM sizing_channel_terms WHERE seller_staff_id IS NOT NULL ORDER BY unit_id""")
			.query((rs, n) -> {
				String lines = rs.getString(5);
				return new Terms(rs.getLong(1), ChannelBasis.valueOf(rs.getString(2)), rs.getBigDecimal(3),
						rs.getLong(4), lines.isBlank() ? List.of() : java.util.Arrays.stream(lines.split(","))
							.map(Long::valueOf).toList(), rs.getDate(6).toLocalDate());
			})
			.list()
			.stream()
			.filter(t -> units == null || units.contains(t.unit()))
			.toList();
		Map<Long, String> names = org.unitNames(terms.stream().map(Terms::unit).toList());
		int written = 0;
		for (Terms t : terms) {
			PlanView last = current(SYSTEM_DIRECTOR, t.unit());
			if (last != null && last.details().fiscalYear() >= year) {
				continue;
			}
			CurrentUser actor = last == null || last.state() != PlanState.DRAFT ? SYSTEM_DIRECTOR : SYSTEM_ADMIN;
			try {
				maintain(actor, year, t.unit(), names.getOrDefault(t.unit(), "#" + t.unit()), t.basis(), t.share(),
						t.seller(), t.lines(), t.from());
				written++;
			}
			catch (RuntimeException ex) {
				// One channel's plan that cannot be written (a seller left, a line archived) does not stop the others;
				// the next night tries again, and saving the terms shows the director why.
				LOG.warn("The plan of channel {} for fiscal year {} could not be written: {}", t.unit(), year,
						ex.toString());
			}
		}
		return written;
	}

	private void maintain(CurrentUser actor, int year, long unitId, String channelName, ChannelBasis basis,
			BigDecimal share, @Nullable Long seller, List<Long> lines, LocalDate validFrom) {
		PlanView current = current(actor, unitId);
		if (current != null && current.details().fiscalYear() != year) {
			current = null;
		}
		long paid;
		BigDecimal pays = share;
		if (seller != null) {
			paid = seller;
		}
		else if (current != null && !current.details().namedPeople().isEmpty()) {
			paid = current.details().namedPeople().get(0);
			pays = BigDecimal.ZERO;
		}
		else {
			return;
		}
		String lang = LocaleContextHolder.getLocale().getLanguage();
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, String> all = new LinkedHashMap<>();
		catalog.lines(true).forEach((ProductLineView l) -> all.put(l.id(), l.name(lang)));
		lines.forEach(l -> names.put(l, all.getOrDefault(l, "#" + l)));
		PlanDetails details = ChannelPlan.details(channelName, year, basis, pays, paid, names);
		PlanView written = current == null || current.state() == PlanState.ARCHIVED ? plans.create(actor, details)
				: plans.update(actor, current.id(), current.version(), details);
		if (written.state() == PlanState.DRAFT && IncentivePlans.mayApprove(actor)) {
			written = plans.approve(actor, written.id(), written.version());
		}
		// The seller is on the plan from the terms' first day (the year's first at the earliest), by an assignment of
		// its own: a share of what was sold is not prorated by when the seller record joined the unit. A former seller
		// of the channel comes off the plan.
		FiscalPeriod fiscal = calendar.years().year(year);
		LocalDate from = validFrom.isAfter(fiscal.start()) ? validFrom : fiscal.start();
		if (fiscal.contains(from)) {
			plans.assign(actor, written.id(), paid, from, null, false, null);
		}
		if (current != null) {
			for (Long former : current.details().namedPeople()) {
				if (former != paid) {
					plans.assign(actor, written.id(), former, fiscal.start(), null, true, null);
				}
			}
		}
		jdbc.sql("UPDATE sizing_channel_terms SET plan_id = :plan WHERE unit_id = :unit")
			.param("plan", written.id())
			.param("unit", unitId)
			.update();
	}

	/** The plan last written for the channel, if any (read by whoever may read the terms). */
	@Nullable Plan plan(CurrentUser actor, @Nullable Long planId) {
		if (planId == null || !IncentivePlans.readsAll(actor)) {
			return null;
		}
		try {
			PlanView v = plans.get(actor, planId);
			return new Plan(v.id(), v.code(), v.state());
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private @Nullable PlanView current(CurrentUser actor, long unitId) {
		Long id = jdbc.sql("SELECT plan_id FROM sizing_channel_terms WHERE unit_id = :unit")
			.param("unit", unitId)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
		if (id == null) {
			return null;
		}
		PlanView plan;
		try {
			plan = plans.get(actor, id);
		}
		catch (NotFoundException ex) {
			return null;
		}
		if (plan.state() != PlanState.ARCHIVED) {
			return plan;
		}
		// A director approved a later version on the plans page: revise the live version of the same code.
		for (PlanState state : List.of(PlanState.DRAFT, PlanState.APPROVED)) {
			for (var s : plans.list(actor, new IncentivePlans.Filter(plan.code(), plan.details().fiscalYear(), state),
					ListQuery.of(0, 20, null, IncentivePlans.SORTS, "code")).content()) {
				if (s.code().equals(plan.code())) {
					return plans.get(actor, s.id());
				}
			}
		}
		return plan;
	}
}
