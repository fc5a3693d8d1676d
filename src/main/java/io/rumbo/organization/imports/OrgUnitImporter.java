package io.rumbo.organization.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.domain.OrgImportQueries;
import io.rumbo.organization.domain.OrgImportQueries.StaffRecord;
import io.rumbo.organization.domain.OrgImportQueries.UnitRecord;

/**
 * Org units by code. A parent is named by its code and may be a unit of the file (before or after the row) or of
 * the tree; the file and the tree together must stay a tree. Units are written parents first through
 * {@link OrgUnitManagement}, so a new parent exists before its children, a changed parent is a move effective on
 * {@code effective_date} (the import day when blank) kept in the structure history, and every change is audited and
 * announced as from the screen. A blank {@code manager} keeps the unit's manager: the people a file of units names
 * as managers are imported after it (see docs/import-formats.md, "Bringing a whole organisation").
 */
@Component
class OrgUnitImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("code"),
			ImportColumn.required("name"), ImportColumn.required("kind"), ImportColumn.optional("parent"),
			ImportColumn.optional("location"), ImportColumn.optional("manager"), ImportColumn.optional("valid_from"),
			ImportColumn.optional("effective_date"));

	private static final Map<String, String> FIELDS = Map.of("code", "code", "name", "name", "kind", "kind",
			"location", "location", "parentId", "parent", "managerStaffId", "manager", "validFrom", "valid_from",
			"effectiveDate", "effective_date");

	/** A checked row; {@code key} is its upper-case code, {@code parentKey} its parent's. */
	private record Parsed(ImportRow row, String key, String code, String name, OrgUnitKind kind,
			@Nullable String parentKey, @Nullable String location, @Nullable String manager,
			@Nullable LocalDate validFrom, @Nullable LocalDate effective, @Nullable UnitRecord current) {
	}

	private final OrgUnitManagement units;
	private final OrgImportQueries queries;

	OrgUnitImporter(OrgUnitManagement units, OrgImportQueries queries) {
		this.units = units;
		this.queries = queries;
	}

	@Override
	public String kind() {
		return "org-units";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return OrgUnitManagement.mayShape(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		Map<String, UnitRecord> tree = new HashMap<>();
		Map<Long, UnitRecord> byId = new HashMap<>();
		for (UnitRecord unit : queries.allUnits()) {
			tree.put(key(unit.code()), unit);
			byId.put(unit.id(), unit);
		}
		Map<String, Parsed> file = new LinkedHashMap<>();
		Set<String> managerNumbers = new HashSet<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			Parsed parsed = parse(row, tree);
			if (parsed != null && !file.containsKey(parsed.key())) {
				file.put(parsed.key(), parsed);
				if (parsed.manager() != null) {
					managerNumbers.add(parsed.manager());
				}
			}
		}
		Map<String, StaffRecord> managers = queries.staffByNumbers(managerNumbers);
		for (Parsed p : file.values()) {
			resolve(p, file, tree, managers);
		}
		findCycles(file, tree, byId);
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		List<Parsed> ordered = parentsFirst(file);
		Map<String, Long> ids = new HashMap<>();
		tree.forEach((k, u) -> ids.put(k, u.id()));
		if (rows.dryRun()) {
			long[] counts = new long[3];
			ordered.forEach(p -> counts[outcome(p, ids, managers).ordinal()]++);
			return new ImportCounts(counts[0], counts[1], counts[2]);
		}
		return rows.write(ordered, Parsed::row, FIELDS, "code", p -> write(actor, p, ids, managers));
	}

	private @Nullable Parsed parse(ImportRow row, Map<String, UnitRecord> tree) {
		String code = row.text("code", 32, true);
		String name = row.text("name", 200, true);
		OrgUnitKind kind = row.choice("kind", OrgUnitKind.class, true);
		String parent = row.text("parent", 32, false);
		String location = row.text("location", 200, false);
		String manager = row.text("manager", 32, false);
		LocalDate validFrom = row.date("valid_from", false);
		LocalDate effective = row.date("effective_date", false);
		row.uniqueIgnoringCase("code", code);
		if (code != null && !code.matches("[A-Za-z0-9_.-]{1,32}")) {
			row.error("code", "organization.unit.code.invalid");
			return null;
		}
		UnitRecord current = code == null ? null : tree.get(key(code));
		if (current != null && current.archived()) {
			row.error("code", "organization.import.unit.archived", current.code());
		}
		if (current != null && validFrom != null && !validFrom.equals(current.validFrom())) {
			row.error("valid_from", "organization.import.unit.validFromFixed", current.validFrom());
		}
		if (kind != null && kind.isRoot() && parent != null) {
			row.error("parent", "organization.unit.parent.companyIsRoot");
		}
		if (kind != null && !kind.isRoot() && parent == null) {
			row.error("parent", "organization.unit.parent.required");
		}
		if (code == null || name == null || kind == null) {
			return null;
		}
		return new Parsed(row, key(code), code, name, kind, parent == null ? null : key(parent), location, manager,
				validFrom, effective, current);
	}

	/** The parent must be in the file or a unit of the tree still in use; the manager a person still there. */
	private static void resolve(Parsed p, Map<String, Parsed> file, Map<String, UnitRecord> tree,
			Map<String, StaffRecord> managers) {
		String parent = p.parentKey();
		if (parent != null && !file.containsKey(parent)) {
			UnitRecord unit = tree.get(parent);
			if (unit == null || unit.archived()) {
				p.row().error("parent", "organization.import.unit.parentUnknown", p.row().raw("parent"));
			}
		}
		if (p.manager() != null) {
			StaffRecord manager = managers.get(key(p.manager()));
			if (manager == null || manager.archived()) {
				p.row().error("manager", "organization.import.unit.managerUnknown", p.manager());
			}
		}
	}

	/**
	 * Follows each file unit's parents, through the file and then the tree as it is, and reports a unit that comes
	 * back to itself: a cycle is an error of every row on it, named by its own row.
	 */
	private static void findCycles(Map<String, Parsed> file, Map<String, UnitRecord> tree, Map<Long, UnitRecord> byId) {
		for (Parsed start : file.values()) {
			Set<String> seen = new HashSet<>();
			String at = start.parentKey();
			while (at != null && seen.add(at)) {
				if (at.equals(start.key())) {
					start.row().error("parent", "organization.unit.parent.cycle");
					break;
				}
				Parsed inFile = file.get(at);
				if (inFile != null) {
					at = inFile.parentKey();
				}
				else {
					UnitRecord unit = tree.get(at);
					UnitRecord up = unit == null || unit.parentId() == null ? null : byId.get(unit.parentId());
					at = up == null ? null : key(up.code());
				}
			}
		}
	}

	/** The file's units with every parent of the file before its children (the file has no cycle by now). */
	private static List<Parsed> parentsFirst(Map<String, Parsed> file) {
		List<Parsed> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		for (Parsed p : file.values()) {
			List<Parsed> chain = new ArrayList<>();
			Parsed at = p;
			while (at != null && !placed.contains(at.key())) {
				chain.add(0, at);
				placed.add(at.key());
				at = at.parentKey() == null ? null : file.get(at.parentKey());
			}
			ordered.addAll(chain);
		}
		return ordered;
	}

	private static ImportRows.Outcome outcome(Parsed p, Map<String, Long> ids, Map<String, StaffRecord> managers) {
		UnitRecord current = p.current();
		if (current == null) {
			return ImportRows.Outcome.CREATED;
		}
		Long parentId = p.parentKey() == null ? null : ids.get(p.parentKey());
		boolean same = current.name().equals(p.name()) && current.kind() == p.kind()
				&& Objects.equals(current.location(), p.location()) && Objects.equals(current.parentId(), parentId)
				&& Objects.equals(current.managerStaffId(), managerId(p, managers, current))
				&& current.code().equals(p.code());
		return same ? ImportRows.Outcome.UNCHANGED : ImportRows.Outcome.UPDATED;
	}

	private ImportRows.Outcome write(CurrentUser actor, Parsed p, Map<String, Long> ids,
			Map<String, StaffRecord> managers) {
		UnitRecord current = p.current();
		// A parent created earlier in this file has its id by now: parents are written first.
		Long parentId = p.parentKey() == null ? null : ids.get(p.parentKey());
		if (current == null) {
			long id = units.create(actor, new OrgUnitManagement.UnitDetails(p.code(), p.name(), p.kind(), p.location(),
					parentId, managerId(p, managers, null), p.validFrom(), null)).id();
			ids.put(p.key(), id);
			return ImportRows.Outcome.CREATED;
		}
		ImportRows.Outcome outcome = outcome(p, ids, managers);
		if (outcome == ImportRows.Outcome.UPDATED) {
			units.update(actor, current.id(), current.version(), new OrgUnitManagement.UnitDetails(p.code(), p.name(),
					p.kind(), p.location(), parentId, managerId(p, managers, current), null, p.effective()));
		}
		return outcome;
	}

	/** The manager the row gives, or (blank) the one the unit has. */
	private static @Nullable Long managerId(Parsed p, Map<String, StaffRecord> managers, @Nullable UnitRecord current) {
		if (p.manager() == null) {
			return current == null ? null : current.managerStaffId();
		}
		return managers.get(key(p.manager())).id();
	}

	private static String key(String code) {
		return code.toUpperCase(Locale.ROOT);
	}
}
