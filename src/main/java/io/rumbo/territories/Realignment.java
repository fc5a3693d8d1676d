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
import java.util.function.Function;

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
 * Where a model puts the accounts, and making it so. {@link #prepare} makes the account copy current; then the one
 * alignment statement ({@link Alignment}) places every account: the preview shows its rows a page at a time and the
 * activation streams the same rows and writes them a chunk at a time: the accounts that move get their new owner
 * through the customers module ({@code CustomerManagement.realign}, which keeps the ownership history, so orders and
 * results before the date stay with the old owner), and each account's territory period is written from the date
 * (decisions 0037, 0044).
 */
@Service
public class Realignment {

	/** Moves handed to the customers module, and periods written, at a time by an activation. */
	static final int CHUNK = 1000;

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

	/** Rows of the alignment with names, for pages, exports and the API. */
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
		return activateOn(by, model, date, CHUNK);
	}

	/**
	 * {@link #activateOn(String, TerritoryModel, LocalDate)} handing over {@code chunk} moves and writing
	 * {@code chunk} periods at a time (tests take a small one to cross chunk boundaries with few accounts).
	 * <p>
	 * The alignment is read once, in the preview's order, through a cursor: each account that moves goes to the
	 * customers module in the next chunk of moves, each account the model places gets its period from the date in the
	 * next chunk of periods. A row's {@code from} columns join the account's open period, so no open period the
	 * statement reads is closed while it runs: a new period is written only after its account's row was read (each
	 * account is one row), and the periods of the models before are closed once every row is read. What the cursor
	 * returns is therefore what the statement computes at its start, on either database, and memory holds a fetch and
	 * two chunks whatever the number of accounts.
	 */
	@Transactional
	int activateOn(String by, TerritoryModel model, LocalDate date, int chunk) {
		model.requireActivatable();
		Long replaced = null;
		for (TerritoryModel active : models.findByStatus(ModelStatus.ACTIVE)) {
			var before = active.auditState();
			active.replaceOn(date);
			models.saveAndFlush(active);
			audit.record("TERRITORY_MODEL", active.id(), "REPLACE", before, active.auditState(), active.name());
			replaced = active.id();
		}
		prepare(date);
		Activation activation = new Activation(model, date, chunk);
		alignment.each(Alignment.Selection.all(model.id()), Alignment.BY_NAME, Function.identity(), activation::add);
		activation.flush();
		// The periods of the models before end on the date; a period that began that same day ends empty. The model
		// activated never was active (checked above), so its periods are exactly the ones just written.
		jdbc.sql("UPDATE territories_account_period SET valid_to = CASE WHEN valid_from > :d THEN valid_from ELSE :d END"
				+ " WHERE valid_to IS NULL AND model_id <> :model").param("d", date).param("model", model.id()).update();
		int moved = activation.moved;
		var before = model.auditState();
		model.activate(date, by, moved);
		models.saveAndFlush(model);
		audit.record("TERRITORY_MODEL", model.id(), "ACTIVATE", before, model.auditState(), model.name());
		events.publishEvent(new TerritoryModelActivated(TerritoryModelId.of(model.id()),
				replaced == null ? null : TerritoryModelId.of(replaced), date, moved, activation.owners,
				activation.units, by));
		return moved;
	}

	/**
	 * One activation's rows on their way: moves for {@code CustomerManagement.realign} and periods for a batch insert,
	 * each written when {@code chunk} are waiting. The owners and units touched are kept for the event (bounded by the
	 * sales force, not the accounts).
	 */
	private final class Activation {

		private final TerritoryModel model;
		private final LocalDate date;
		private final int chunk;
		private final List<CustomerManagement.Reassignment> moves;
		private final List<Object[]> periods;
		private final Set<StaffId> owners = new HashSet<>();
		private final Set<UnitId> units = new HashSet<>();
		private int moved;

		Activation(TerritoryModel model, LocalDate date, int chunk) {
			if (chunk < 1) {
				throw new IllegalArgumentException("chunk " + chunk);
			}
			this.model = model;
			this.date = date;
			this.chunk = chunk;
			this.moves = new ArrayList<>(chunk);
			this.periods = new ArrayList<>(chunk);
		}

		void add(Alignment.Row r) {
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
				if (moves.size() == chunk) {
					realign();
				}
			}
			if (r.toTerritoryId() != null) {
				periods.add(new Object[] { r.customerId(), r.toTerritoryId(), model.id(), r.toOwnerId(), r.toUnitId(),
						date });
				if (periods.size() == chunk) {
					writePeriods();
				}
			}
		}

		void flush() {
			realign();
			writePeriods();
		}

		private void realign() {
			if (!moves.isEmpty()) {
				moved += customers.realign(moves, date, model.name());
				moves.clear();
			}
		}

		private void writePeriods() {
			if (!periods.isEmpty()) {
				template.batchUpdate("INSERT INTO territories_account_period (customer_id, territory_id, model_id,"
						+ " owner_staff_id, unit_id, valid_from) VALUES (?, ?, ?, ?, ?, ?)", periods);
				periods.clear();
			}
		}
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
