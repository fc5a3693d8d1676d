package io.rumbo.territories;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.territories.domain.AccountSnapshot;
import io.rumbo.territories.domain.Alignment;
import io.rumbo.territories.domain.TerritoryModel;
import io.rumbo.territories.domain.TerritoryModelRepository;

/**
 * Where a model puts the accounts, and making it so. {@link #align} refreshes the account snapshot and runs the one
 * alignment statement; the preview shows its rows and the activation writes the same rows: the accounts that move get
 * their new owner through the customers module ({@code CustomerManagement.realign}, which keeps the ownership history,
 * so orders and results before the date stay with the old owner), and each account's territory period is written from
 * the date (decision 0037).
 */
@Service
public class Realignment {

	private final AccountSnapshot snapshot;
	private final Alignment alignment;
	private final TerritoryModelRepository models;
	private final CustomerManagement customers;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final org.springframework.jdbc.core.JdbcTemplate template;

	Realignment(AccountSnapshot snapshot, Alignment alignment, TerritoryModelRepository models,
			CustomerManagement customers, FiscalCalendar calendar, OrgDirectory org, JdbcClient jdbc,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			org.springframework.jdbc.core.JdbcTemplate template) {
		this.template = template;
		this.snapshot = snapshot;
		this.alignment = alignment;
		this.models = models;
		this.customers = customers;
		this.calendar = calendar;
		this.org = org;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The fiscal year before the one holding {@code date}: what "last year's sales" covers. */
	public FiscalPeriod lastYear(LocalDate date) {
		var years = calendar.years();
		return years.year(years.yearOf(date) - 1);
	}

	/** Every live account placed by the model, with last year's sales before {@code on} (today when absent). */
	@Transactional
	public List<Alignment.Row> align(long modelId, @Nullable LocalDate on) {
		FiscalPeriod year = lastYear(on == null ? LocalDate.now(clock) : on);
		snapshot.refresh(year.start(), year.end());
		return alignment.of(modelId);
	}

	/**
	 * Makes the account copy current for last year's sales before {@code on} (today when absent) and answers that
	 * year: what a preview or a balance does before it reads {@link Alignment} a page or a sum at a time.
	 */
	@Transactional
	public FiscalPeriod prepare(@Nullable LocalDate on) {
		FiscalPeriod year = lastYear(on == null ? LocalDate.now(clock) : on);
		snapshot.refresh(year.start(), year.end());
		return year;
	}

	/** The rows of {@link #align} with names, for pages and the API. */
	public List<AccountMove> describe(List<Alignment.Row> rows) {
		Set<Long> staff = new HashSet<>();
		Set<Long> territories = new HashSet<>();
		for (Alignment.Row r : rows) {
			if (r.fromOwnerId() != null) {
				staff.add(r.fromOwnerId());
			}
			if (r.toOwnerId() != null) {
				staff.add(r.toOwnerId());
			}
			if (r.fromTerritoryId() != null) {
				territories.add(r.fromTerritoryId());
			}
			if (r.toTerritoryId() != null) {
				territories.add(r.toTerritoryId());
			}
		}
		Map<Long, String> names = org.staffNames(staff);
		Map<Long, String> territoryNames = new HashMap<>();
		if (!territories.isEmpty()) {
			jdbc.sql("SELECT id, name FROM territories_territory WHERE id IN (:ids)").param("ids", territories)
				.query(rs -> {
					territoryNames.put(rs.getLong(1), rs.getString(2));
				});
		}
		List<AccountMove> moves = new ArrayList<>(rows.size());
		for (Alignment.Row r : rows) {
			moves.add(new AccountMove(r.customerId(), r.legalName(), r.potentialClass(), r.fromTerritoryId(),
					r.fromTerritoryId() == null ? null : territoryNames.get(r.fromTerritoryId()), r.fromOwnerId(),
					r.fromOwnerId() == null ? null : names.get(r.fromOwnerId()), r.fromUnitId(), r.toTerritoryId(),
					r.toTerritoryId() == null ? null : territoryNames.get(r.toTerritoryId()), r.toOwnerId(),
					r.toOwnerId() == null ? null : names.get(r.toOwnerId()), r.toUnitId(), r.frozen(), r.moves(),
					r.potential(), r.workloadHours(), r.lastYearNet(), r.lastYearMargin()));
		}
		return moves;
	}

	/**
	 * Activates a draft today (the caller checked the actor and the version; any other date is refused, so owners
	 * change exactly from the date recorded and no history before it is rewritten); answers how many accounts moved.
	 */
	@Transactional
	public int activate(CurrentUser user, TerritoryModel model, LocalDate date) {
		TerritoryModels.requireToday(date, clock);
		return activateOn(user.username(), model, date);
	}

	/**
	 * Activates a draft or a scheduled model from {@code date} on behalf of {@code by}, with no check of the date: the
	 * scheduled activation's job calls it with the date the director chose when scheduling (decision 0041).
	 */
	@Transactional
	int activateOn(String by, TerritoryModel model, LocalDate date) {
		Long replaced = null;
		for (TerritoryModel active : models.findByStatus(ModelStatus.ACTIVE)) {
			var before = active.auditState();
			active.replaceOn(date);
			models.saveAndFlush(active);
			audit.record("TERRITORY_MODEL", active.id(), "REPLACE", before, active.auditState(), active.name());
			replaced = active.id();
		}
		List<Alignment.Row> rows = align(model.id(), date);
		List<CustomerManagement.Reassignment> moves = new ArrayList<>();
		Set<StaffId> owners = new HashSet<>();
		Set<UnitId> units = new HashSet<>();
		for (Alignment.Row r : rows) {
			if (r.moves()) {
				moves.add(TerritoryModels.reassignment(r.customerId(), r.toOwnerId(), r.toUnitId()));
				if (r.fromOwnerId() != null) {
					owners.add(StaffId.of(r.fromOwnerId()));
				}
				if (r.toOwnerId() != null) {
					owners.add(StaffId.of(r.toOwnerId()));
				}
				units.add(UnitId.of(r.fromUnitId()));
				units.add(UnitId.of(r.toUnitId()));
			}
		}
		int moved = customers.realign(moves, date, model.name());
		// The periods of the model before end on the date; a period that began that same day ends empty.
		jdbc.sql("UPDATE territories_account_period SET valid_to = CASE WHEN valid_from > :d THEN valid_from ELSE :d END"
				+ " WHERE valid_to IS NULL").param("d", date).update();
		List<Object[]> periods = new ArrayList<>();
		for (Alignment.Row r : rows) {
			if (r.toTerritoryId() != null) {
				periods.add(new Object[] { r.customerId(), r.toTerritoryId(), model.id(), r.toOwnerId(), r.toUnitId(),
						date });
			}
		}
		if (!periods.isEmpty()) {
			template.batchUpdate(
					"INSERT INTO territories_account_period (customer_id, territory_id, model_id, owner_staff_id, unit_id,"
							+ " valid_from) VALUES (?, ?, ?, ?, ?, ?)",
					periods);
		}
		var before = model.auditState();
		model.activate(date, by, moved);
		models.saveAndFlush(model);
		audit.record("TERRITORY_MODEL", model.id(), "ACTIVATE", before, model.auditState(), model.name());
		events.publishEvent(new TerritoryModelActivated(TerritoryModelId.of(model.id()),
				replaced == null ? null : TerritoryModelId.of(replaced), date, moved, owners, units, by));
		return moved;
	}

	/**
	 * The accounts of a preview, how many move and how many are frozen, and the figures summed over the rows that
	 * move. Computed in SQL over the same statement as the rows ({@link Alignment#totals}), so a preview sums every
	 * row in its scope without reading them.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesPreviewSummary")
	public record Summary(long accounts, long moving, long frozen, BigDecimal potential, BigDecimal workloadHours,
			BigDecimal lastYearNet, BigDecimal lastYearMargin) {

		static Summary of(Alignment.Totals t) {
			return new Summary(t.accounts(), t.moving(), t.frozen(), t.potential(), t.workloadHours(),
					t.lastYearNet(), t.lastYearMargin());
		}
	}
}
