package io.rumbo.customers.imports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.customers.CustomersImported;
import io.rumbo.customers.domain.CustomerImportStore;
import io.rumbo.customers.domain.CustomerImportStore.Decision;
import io.rumbo.customers.domain.CustomerImportStore.Row;
import io.rumbo.customers.domain.CustomerImportStore.Staged;
import io.rumbo.customers.domain.CustomerImportStore.Stored;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.money.Amounts;

/**
 * Customer accounts by external id. The owner is an employee number and the unit a unit code; without a unit the
 * account belongs to its owner's unit. The same scope rules and checks as the form apply: a manager assigns within
 * their subtree, a salesperson imports accounts they own, a tax id belongs to one account whatever its case.
 * <p>
 * The file streams through once, a thousand rows at a time, into a staging table ({@link CustomerImportStore}: COPY on
 * PostgreSQL). Keys repeated in the file are found by one query; the rows then come back a thousand at a time with
 * the account of their external id and the holders of their tax id (joins, not a query per key), and each is decided
 * by the form's rules; the decisions are staged too and, for a clean file that is not a dry run, written by a few
 * set-based statements. A dry run checks everything and writes nothing. Memory follows the batch, and the time per
 * row stays flat as the table grows. The import is audited once (the import service's entry with its counts, as
 * decision 0004 allows) and announced once ({@link CustomersImported}), not per account.
 */
@Component
class CustomerImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("legal_name"), ImportColumn.optional("tax_id"), ImportColumn.required("segment"),
			ImportColumn.optional("industry"), ImportColumn.required("company_size"), ImportColumn.optional("region"),
			ImportColumn.optional("address"), ImportColumn.optional("postal_code"), ImportColumn.optional("city"),
			ImportColumn.required("potential_class"), ImportColumn.optional("annual_potential"),
			ImportColumn.required("status"), ImportColumn.optional("owner"), ImportColumn.optional("unit"));

	static final int CHUNK = 1000;

	private final CustomerImportStore store;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CustomerImporter(CustomerImportStore store, OrgDirectory org, DataScopes scopes, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.org = org;
		this.scopes = scopes;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "customers";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return CustomerManagement.mayCreate(actor);
	}

	/** What the import announces at its end: accounts created and moved, the owners and units they left or joined. */
	private static final class Touched {

		long created;
		long moved;
		long updated;
		final Set<Long> owners = new HashSet<>();
		final Set<Long> units = new HashSet<>();

		void touch(@Nullable Long owner, long unit) {
			if (owner != null) {
				owners.add(owner);
			}
			units.add(unit);
		}

		CustomersImported event(LocalDate day) {
			return new CustomersImported(created, moved, updated, owners.stream().map(StaffId::of).collect(Collectors.toSet()),
					units.stream().map(UnitId::of).collect(Collectors.toSet()), day);
		}
	}

	/** What the import needs across batches: who imports, today, the people and units it has looked at. */
	private final class Context {

		final CurrentUser actor;
		final ImportRows rows;
		final DataScope scope;
		final boolean companyWide;
		final LocalDate today = LocalDate.now(clock);
		final Map<String, Long> unitsByCode = org.unitIdsByCode();
		final Map<Long, Boolean> activeUnits = new HashMap<>();
		/** People by id, as files and accounts name them: one lookup per person an import meets, at most. */
		final Map<Long, Optional<OrgDirectory.StaffSummary>> people = new HashMap<>();
		/** The file's owners by employee number, read once for the whole file. */
		final Map<String, OrgDirectory.StaffSummary> staff = new HashMap<>();
		final Touched touched = new Touched();
		final long[] counts = new long[3];

		Context(CurrentUser actor, ImportRows rows) {
			this.actor = actor;
			this.rows = rows;
			this.scope = scopes.of(actor);
			this.companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		}

		Optional<OrgDirectory.StaffSummary> person(long id) {
			return people.computeIfAbsent(id, org::staff);
		}

		boolean activeUnit(long unit) {
			return activeUnits.computeIfAbsent(unit, org::isActiveUnit);
		}

		/** As the list's SQL scope: the account's unit is managed, or the reader owns it. */
		boolean sees(@Nullable Long owner, long unit) {
			return scope.managesUnit(unit) || (owner != null && owner.equals(scope.ownStaffId()));
		}

		boolean mayEdit(Stored c) {
			return new EditRights(actor, scope).mayEdit(c.ownerStaffId(), c.unitId());
		}

		void error(Row row, String column, String key, Object... arguments) {
			rows.error(row.row(), column, key, arguments);
		}
	}

	/**
	 * Every row is read and staged, checked against the file and what is stored, and decided even after the first
	 * error, so that every error is reported; a dry run stops there (nothing written, nothing announced).
	 */
	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		Context context = new Context(actor, rows);
		long importId = store.open();
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> store.addRows(importId, read(chunk, rows, done)));
		store.repeats(importId, (row, column, value, first) -> rows.error(row, column, "imports.error.duplicate", value,
				first));
		Set<String> numbers = store.ownerNumbers(importId);
		if (!numbers.isEmpty()) {
			context.staff.putAll(org.staffByNumbers(numbers));
			context.staff.values().forEach(p -> context.people.put(p.id(), Optional.of(p)));
		}
		store.eachRow(importId, CHUNK, batch -> {
			List<Decision> decisions = plan(context, batch);
			if (!rows.dryRun() && !rows.hasErrors()) {
				store.addDecisions(importId, decisions);
			}
		});
		long[] counts = context.counts;
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		if (!rows.dryRun()) {
			rows.progress("imports.phase.writing", 0);
			if (counts[0] + counts[1] > 0) {
				store.write(importId, context.today);
			}
			store.clear(importId);
			rows.progress("imports.phase.writing", rows.size());
			if (context.touched.created + context.touched.updated > 0) {
				events.publishEvent(context.touched.event(context.today));
			}
		}
		return new ImportCounts(counts[0], counts[1], counts[2]);
	}

	/** Reads a chunk's cells: every row is staged (its keys count for repeats), complete when it can be decided. */
	private static List<Row> read(List<ImportRow> chunk, ImportRows rows, long[] done) {
		List<Row> lines = new ArrayList<>(chunk.size());
		for (ImportRow row : chunk) {
			rows.progress("imports.phase.checking", ++done[0]);
			String external = row.text("external_id", 64, true);
			String name = row.text("legal_name", 200, true);
			String taxId = row.text("tax_id", 32, false);
			Segment segment = row.choice("segment", Segment.class, true);
			String industry = row.text("industry", 100, false);
			CompanySize size = row.choice("company_size", CompanySize.class, true);
			String region = row.text("region", 100, false);
			String address = row.text("address", 300, false);
			String postalCode = row.text("postal_code", 16, false);
			String city = row.text("city", 100, false);
			PotentialClass potential = row.choice("potential_class", PotentialClass.class, true);
			BigDecimal annual = row.decimal("annual_potential", false);
			CustomerStatus status = row.choice("status", CustomerStatus.class, true);
			String ownerNumber = row.text("owner", 32, false);
			String unitCode = row.text("unit", 32, false);
			boolean complete = external != null && name != null && segment != null && size != null
					&& potential != null && status != null;
			lines.add(new Row(row.number(), complete, external, name, taxId, segment, industry, size, region, address,
					postalCode, city, potential, annual, status, ownerNumber, unitCode));
		}
		return lines;
	}

	/**
	 * Decides a batch of complete rows against what is stored: the checks of {@link CustomerManagement}'s create and
	 * update, with the account and the tax id holders of each row read with the batch. Problems go to their row and
	 * column; what is left are the accounts to create and to change.
	 */
	private List<Decision> plan(Context context, List<Staged> batch) {
		List<Decision> decisions = new ArrayList<>();
		for (Staged staged : batch) {
			Row line = staged.row();
			boolean resolved = true;
			Long owner = null;
			if (line.ownerNumber() != null) {
				OrgDirectory.StaffSummary person = context.staff.get(line.ownerNumber());
				if (person == null || !person.active()) {
					context.error(line, "owner", "imports.error.staff.unknown", line.ownerNumber());
					resolved = false;
				}
				else {
					owner = person.id();
				}
			}
			Long unit = null;
			if (line.unitCode() != null) {
				unit = context.unitsByCode.get(line.unitCode());
				if (unit == null) {
					context.error(line, "unit", "imports.error.unit.unknown", line.unitCode());
					resolved = false;
				}
			}
			Stored current = staged.current();
			boolean visible = current != null && context.sees(current.ownerStaffId(), current.unitId());
			if (visible && !context.mayEdit(current)) {
				context.error(line, "owner", "imports.error.outOfScope");
				continue;
			}
			if (visible && same(current, line, owner, unit)) {
				context.counts[2]++;
				continue;
			}
			if (!resolved) {
				continue;
			}
			if (visible) {
				// A blank owner keeps the current one; a new owner without a unit brings the account to their unit.
				Long wantedOwner = owner != null ? owner : current.ownerStaffId();
				Long wantedUnit = unit != null ? unit : (owner != null ? null : Long.valueOf(current.unitId()));
				long[] assigned = assign(context, line, wantedOwner, wantedUnit);
				if (!check(context, line, staged.taxHolders()) || assigned == null) {
					continue;
				}
				Long newOwner = assigned[0] < 0 ? null : assigned[0];
				boolean moved = !Objects.equals(current.ownerStaffId(), newOwner) || current.unitId() != assigned[1];
				if (moved) {
					// A move may not go back before the open ownership period (it would rewrite what reports showed).
					LocalDate start = staged.openSince();
					if (start != null && context.today.isBefore(start)) {
						context.error(line, "owner", "shared.history.effectiveBeforeCurrent", start);
					}
					context.touched.moved++;
					context.touched.touch(current.ownerStaffId(), current.unitId());
					context.touched.touch(newOwner, assigned[1]);
				}
				context.counts[1]++;
				context.touched.updated++;
				decisions.add(new Decision(line.row(), current.id(), current.version(), newOwner, assigned[1], moved));
			}
			else {
				long[] assigned = assign(context, line, owner, unit);
				boolean ok = check(context, line, staged.taxHolders());
				if (current != null) {
					// Held by an account the user may not see: refused like a malformed id, without confirming it.
					context.error(line, "external_id", "customers.customer.externalId.invalid");
					ok = false;
				}
				if (!ok || assigned == null) {
					continue;
				}
				Long newOwner = assigned[0] < 0 ? null : assigned[0];
				context.counts[0]++;
				context.touched.created++;
				context.touched.touch(newOwner, assigned[1]);
				decisions.add(new Decision(line.row(), null, 0, newOwner, assigned[1], false));
			}
		}
		return decisions;
	}

	/**
	 * Who owns the account and where it belongs, as {@link CustomerManagement} assigns them: a salesperson always
	 * to themselves; a manager within their subtree; directors and administrators anywhere. Null after an error.
	 */
	private long @Nullable [] assign(Context context, Row row, @Nullable Long wantedOwner,
			@Nullable Long wantedUnit) {
		DataScope scope = context.scope;
		Long owner = wantedOwner;
		if (!context.companyWide && !context.actor.has(Role.MANAGER)) {
			owner = scope.ownStaffId();
		}
		Long unit = wantedUnit;
		boolean ok = true;
		if (owner != null) {
			var person = context.person(owner);
			if (person.isEmpty() || !person.get().active()) {
				context.error(row, "owner", "customers.customer.owner.unknown");
				ok = false;
			}
			else if (!context.companyWide && !scope.managesUnit(person.get().unitId())
					&& !owner.equals(scope.ownStaffId())) {
				context.error(row, "owner", "customers.customer.owner.outOfScope");
				ok = false;
			}
			else if (unit == null || (!context.companyWide && !context.actor.has(Role.MANAGER))) {
				unit = person.get().unitId();
			}
		}
		if (unit == null) {
			context.error(row, "unit", "customers.customer.unit.required");
			return null;
		}
		if (!context.activeUnit(unit) || (!context.companyWide && !scope.managesUnit(unit)
				&& !unit.equals(scope.ownUnitId()))) {
			context.error(row, "unit", "customers.customer.unit.unknown");
			ok = false;
		}
		return ok ? new long[] { owner == null ? -1 : owner, unit } : null;
	}

	/** The account's own fields, as {@link CustomerManagement} validates them; false after an error. */
	private static boolean check(Context context, Row line, List<Stored> others) {
		boolean ok = true;
		String taxId = line.taxId();
		if (taxId != null && !taxId.matches("[A-Za-z0-9-]{3,32}")) {
			context.error(line, "tax_id", "customers.customer.taxId.invalid");
			ok = false;
		}
		else if (taxId != null) {
			if (!others.isEmpty()) {
				// A customer the user may not see is not confirmed to exist: the value is refused like a malformed one.
				boolean seen = others.stream().anyMatch(h -> context.sees(h.ownerStaffId(), h.unitId()));
				context.error(line, "tax_id", seen ? "customers.customer.taxId.taken" : "customers.customer.taxId.invalid", taxId);
				ok = false;
			}
		}
		if (line.annualPotential() != null
				&& (line.annualPotential().signum() < 0 || !Amounts.fitsPrice(line.annualPotential()))) {
			context.error(line, "annual_potential", "customers.customer.annualPotential.invalid");
			ok = false;
		}
		return ok;
	}

	/** The row changes nothing: same fields, and the owner and unit it names (if any) are the current ones. */
	private static boolean same(Stored c, Row d, @Nullable Long owner, @Nullable Long unit) {
		return c.legalName().equals(d.legalName()) && Objects.equals(c.taxId(), d.taxId()) && c.segment() == d.segment()
				&& Objects.equals(c.industry(), d.industry()) && c.companySize() == d.companySize()
				&& Objects.equals(c.region(), d.region()) && Objects.equals(c.address(), d.address())
				&& Objects.equals(c.postalCode(), d.postalCode()) && Objects.equals(c.city(), d.city())
				&& c.potentialClass() == d.potentialClass() && sameAmount(c.annualPotential(), d.annualPotential())
				&& c.status() == d.status() && (d.ownerNumber() == null || (owner != null && owner.equals(c.ownerStaffId())))
				&& (d.unitCode() == null || (unit != null && unit == c.unitId())) && !c.archived();
	}

	private static boolean sameAmount(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
