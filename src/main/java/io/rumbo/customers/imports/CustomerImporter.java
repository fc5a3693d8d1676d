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
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.customers.domain.Customer;
import io.rumbo.customers.domain.CustomerImportStore;
import io.rumbo.customers.domain.CustomerImportStore.Move;
import io.rumbo.customers.domain.CustomerImportStore.Stored;
import io.rumbo.customers.domain.CustomerImportStore.Values;
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
import io.rumbo.shared.money.Amounts;

/**
 * Customer accounts by external id. The owner is an employee number and the unit a unit code; without a unit the
 * account belongs to its owner's unit. The same scope rules and checks as the form apply: a manager assigns within
 * their subtree, a salesperson imports accounts they own, a tax id belongs to one account whatever its case.
 * <p>
 * The file is read a thousand rows at a time, twice: a check pass that resolves the chunk's people, accounts and tax
 * ids in a few set-based queries and reports every problem (all a dry run does), then, for a clean file, a write
 * pass that resolves the chunk again and writes it in batches ({@link CustomerImportStore}). Memory follows the chunk,
 * and the time per row stays flat as the table grows. The import is audited once (the import service's entry with
 * its counts) and announced once ({@link io.rumbo.customers.CustomersImported}), not per account.
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

	/** One row read: the file's values and the ids its owner and unit resolved to (null when absent or unknown). */
	private record Line(ImportRow row, String externalId, String legalName, @Nullable String taxId, Segment segment,
			@Nullable String industry, CompanySize size, @Nullable String region, @Nullable String address,
			@Nullable String postalCode, @Nullable String city, PotentialClass potential,
			@Nullable BigDecimal annual, CustomerStatus status, @Nullable String ownerNumber, @Nullable String unitCode) {
	}

	/** What a chunk comes to: accounts to insert, accounts to update (those changing hands also in moves). */
	private record Plan(List<Values> created, List<Values> updated, List<Move> moves, long unchanged) {
	}

	/** What the import needs across chunks: who imports, today, and the few units it has looked at. */
	private final class Context {

		final CurrentUser actor;
		final DataScope scope;
		final boolean companyWide;
		final LocalDate today = LocalDate.now(clock);
		final Map<String, Long> unitsByCode = org.unitIdsByCode();
		final Map<Long, Boolean> activeUnits = new HashMap<>();
		/** People by id, as files and accounts name them: one lookup per person an import meets, at most. */
		final Map<Long, java.util.Optional<OrgDirectory.StaffSummary>> people = new HashMap<>();

		Context(CurrentUser actor) {
			this.actor = actor;
			this.scope = scopes.of(actor);
			this.companyWide = actor.hasAny(Role.ADMIN, Role.DIRECTOR);
		}

		java.util.Optional<OrgDirectory.StaffSummary> person(long id) {
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
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		Context context = new Context(actor);
		long[] counts = new long[3];
		long[] done = { 0 };
		rows.chunks(CHUNK, chunk -> {
			List<Line> lines = read(chunk, rows, true, done, "imports.phase.checking");
			Plan plan = plan(context, lines);
			counts[0] += plan.created().size();
			counts[1] += plan.updated().size();
			counts[2] += plan.unchanged();
		});
		ImportCounts result = new ImportCounts(counts[0], counts[1], counts[2]);
		if (rows.hasErrors() || rows.dryRun() || counts[0] + counts[1] == 0) {
			return rows.hasErrors() ? ImportCounts.NONE : result;
		}
		CustomerImportStore.WritePass pass = store.writePass(context.today);
		done[0] = 0;
		rows.chunks(CHUNK, chunk -> {
			if (rows.hasErrors()) {
				return; // changed since the check pass (another user's edit): the import is rolled back
			}
			Plan plan = plan(context, read(chunk, rows, false, done, "imports.phase.writing"));
			if (!rows.hasErrors()) {
				pass.write(plan.created(), plan.updated(), plan.moves());
			}
		});
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		pass.announcement().ifPresent(events::publishEvent);
		return result;
	}

	/** Reads a chunk's cells; keys must be unique in the file, which only the first pass records. */
	private static List<Line> read(List<ImportRow> chunk, ImportRows rows, boolean firstPass, long[] done,
			String phase) {
		List<Line> lines = new ArrayList<>(chunk.size());
		for (ImportRow row : chunk) {
			rows.progress(phase, ++done[0]);
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
			if (firstPass) {
				row.unique("external_id", external);
				row.uniqueIgnoringCase("tax_id", taxId);
			}
			if (external != null && name != null && segment != null && size != null && potential != null
					&& status != null) {
				lines.add(new Line(row, external, name, taxId, segment, industry, size, region, address, postalCode,
						city, potential, annual, status, ownerNumber, unitCode));
			}
		}
		return lines;
	}

	/**
	 * Checks a chunk against what is stored and decides, row by row, what it creates or changes: the checks of
	 * {@link CustomerManagement}'s create and update, with the people, accounts and tax ids of the whole chunk read
	 * in one query each. Problems go to their row and column.
	 */
	private Plan plan(Context context, List<Line> lines) {
		Set<String> numbers = new HashSet<>();
		Set<String> externals = new HashSet<>();
		Set<String> taxKeys = new HashSet<>();
		for (Line line : lines) {
			if (line.ownerNumber() != null) {
				numbers.add(line.ownerNumber());
			}
			externals.add(line.externalId());
			if (line.taxId() != null) {
				taxKeys.add(Customer.taxKey(line.taxId()));
			}
		}
		Map<String, OrgDirectory.StaffSummary> staff = numbers.isEmpty() ? Map.of() : org.staffByNumbers(numbers);
		staff.values().forEach(p -> context.people.put(p.id(), java.util.Optional.of(p)));
		Map<String, Stored> stored = store.byExternalIds(externals);
		Map<String, List<Stored>> holders = taxKeys.isEmpty() ? Map.of() : store.byTaxKeys(taxKeys);
		List<Values> created = new ArrayList<>();
		List<Values> updated = new ArrayList<>();
		List<Move> moves = new ArrayList<>();
		Map<Long, ImportRow> movedRows = new HashMap<>();
		long unchanged = 0;
		for (Line line : lines) {
			ImportRow row = line.row();
			boolean resolved = true;
			Long owner = null;
			if (line.ownerNumber() != null) {
				OrgDirectory.StaffSummary person = staff.get(line.ownerNumber());
				if (person == null || !person.active()) {
					row.error("owner", "imports.error.staff.unknown", line.ownerNumber());
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
					row.error("unit", "imports.error.unit.unknown", line.unitCode());
					resolved = false;
				}
			}
			Stored current = stored.get(line.externalId());
			boolean visible = current != null && context.sees(current.ownerStaffId(), current.unitId());
			if (visible && !context.mayEdit(current)) {
				row.error("owner", "imports.error.outOfScope");
				continue;
			}
			if (visible && same(current, line, owner, unit)) {
				unchanged++;
				continue;
			}
			if (!resolved) {
				continue;
			}
			if (visible) {
				// A blank owner keeps the current one; a new owner without a unit brings the account to their unit.
				Long wantedOwner = owner != null ? owner : current.ownerStaffId();
				Long wantedUnit = unit != null ? unit : (owner != null ? null : Long.valueOf(current.unitId()));
				long[] assigned = assign(context, row, wantedOwner, wantedUnit);
				if (!check(context, row, line, current, holders) || assigned == null) {
					continue;
				}
				Values values = values(current.id(), current.version(), line, assigned);
				updated.add(values);
				if (!Objects.equals(current.ownerStaffId(), values.ownerStaffId()) || current.unitId() != values.unitId()) {
					moves.add(new Move(current, values));
					movedRows.put(current.id(), row);
				}
			}
			else {
				long[] assigned = assign(context, row, owner, unit);
				boolean ok = check(context, row, line, null, holders);
				if (current != null) {
					// Held by an account the user may not see: refused like a malformed id, without confirming it.
					row.error("external_id", "customers.customer.externalId.invalid");
					ok = false;
				}
				if (!ok || assigned == null) {
					continue;
				}
				created.add(values(0, 0, line, assigned));
			}
		}
		// A move may not go back before the open ownership period (it would rewrite what reports showed).
		store.openPeriodStarts(movedRows.keySet()).forEach((id, start) -> {
			if (context.today.isBefore(start)) {
				movedRows.get(id).error("owner", "shared.history.effectiveBeforeCurrent", start);
			}
		});
		return new Plan(created, updated, moves, unchanged);
	}

	/**
	 * Who owns the account and where it belongs, as {@link CustomerManagement} assigns them: a salesperson always
	 * to themselves; a manager within their subtree; directors and administrators anywhere. Null after an error.
	 */
	private long @Nullable [] assign(Context context, ImportRow row, @Nullable Long wantedOwner,
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
				row.error("owner", "customers.customer.owner.unknown");
				ok = false;
			}
			else if (!context.companyWide && !scope.managesUnit(person.get().unitId())
					&& !owner.equals(scope.ownStaffId())) {
				row.error("owner", "customers.customer.owner.outOfScope");
				ok = false;
			}
			else if (unit == null || (!context.companyWide && !context.actor.has(Role.MANAGER))) {
				unit = person.get().unitId();
			}
		}
		if (unit == null) {
			row.error("unit", "customers.customer.unit.required");
			return null;
		}
		if (!context.activeUnit(unit) || (!context.companyWide && !scope.managesUnit(unit)
				&& !unit.equals(scope.ownUnitId()))) {
			row.error("unit", "customers.customer.unit.unknown");
			ok = false;
		}
		return ok ? new long[] { owner == null ? -1 : owner, unit } : null;
	}

	/** The account's own fields, as {@link CustomerManagement} validates them; false after an error. */
	private static boolean check(Context context, ImportRow row, Line line, @Nullable Stored current,
			Map<String, List<Stored>> holders) {
		boolean ok = true;
		String taxId = line.taxId();
		if (taxId != null && !taxId.matches("[A-Za-z0-9-]{3,32}")) {
			row.error("tax_id", "customers.customer.taxId.invalid");
			ok = false;
		}
		else if (taxId != null) {
			List<Stored> others = holders.getOrDefault(Customer.taxKey(taxId), List.of())
				.stream()
				.filter(h -> current == null || h.id() != current.id())
				.toList();
			if (!others.isEmpty()) {
				// A customer the user may not see is not confirmed to exist: the value is refused like a malformed one.
				boolean seen = others.stream().anyMatch(h -> context.sees(h.ownerStaffId(), h.unitId()));
				row.error("tax_id", seen ? "customers.customer.taxId.taken" : "customers.customer.taxId.invalid", taxId);
				ok = false;
			}
		}
		if (line.annual() != null && (line.annual().signum() < 0 || !Amounts.fitsPrice(line.annual()))) {
			row.error("annual_potential", "customers.customer.annualPotential.invalid");
			ok = false;
		}
		return ok;
	}

	private static Values values(long id, long version, Line l, long[] assigned) {
		return new Values(id, version, l.externalId(), l.legalName(), l.taxId(), l.segment(), l.industry(), l.size(),
				l.region(), l.address(), l.postalCode(), l.city(), l.potential(), l.annual(), l.status(),
				assigned[0] < 0 ? null : assigned[0], assigned[1]);
	}

	/** The row changes nothing: same fields, and the owner and unit it names (if any) are the current ones. */
	private static boolean same(Stored c, Line d, @Nullable Long owner, @Nullable Long unit) {
		return c.legalName().equals(d.legalName()) && Objects.equals(c.taxId(), d.taxId()) && c.segment() == d.segment()
				&& Objects.equals(c.industry(), d.industry()) && c.companySize() == d.size()
				&& Objects.equals(c.region(), d.region()) && Objects.equals(c.address(), d.address())
				&& Objects.equals(c.postalCode(), d.postalCode()) && Objects.equals(c.city(), d.city())
				&& c.potentialClass() == d.potential() && sameAmount(c.annualPotential(), d.annual())
				&& c.status() == d.status() && (d.ownerNumber() == null || (owner != null && owner.equals(c.ownerStaffId())))
				&& (d.unitCode() == null || (unit != null && unit == c.unitId())) && !c.archived();
	}

	private static boolean sameAmount(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
