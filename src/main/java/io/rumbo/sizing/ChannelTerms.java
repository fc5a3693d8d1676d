package io.rumbo.sizing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.TerritoryDirectory;

/**
 * Channel terms of agent and distributor units (decision 0038). Orders are credited to people, so a channel sells
 * through its seller record: a staff member of the unit (job role AGENT) whom orders credit like any salesperson,
 * which is how metrics, quotas and payouts already count it. The terms name that record, and what it is credited with
 * times the share is what the channel earns. Directors edit; managers read the channels in their subtree.
 */
@Service
public class ChannelTerms {

	/** The list's sorts: the unit's name, kind, share (channels without terms before every share, ascending). */
	public static final Map<String, String> SORTS = Map.of("name", "u.name", "kind", "u.kind", "share",
			"COALESCE(t.share_percent, -1)");

	/** What a director enters. */
	public record Details(@Nullable ChannelBasis basis, @Nullable BigDecimal sharePercent, @Nullable Long sellerStaffId,
			@Nullable List<Long> productLineIds, @Nullable List<Long> territoryIds, @Nullable String territoryNote,
			@Nullable String contactName,
			@Nullable String contactEmail, @Nullable String contactPhone, @Nullable LocalDate validFrom) {
	}

	/** The list's filters: words of the unit's name or code, a kind, with terms or without. */
	public record Filter(@Nullable String q, @Nullable OrgUnitKind kind, @Nullable Boolean withTerms) {
	}

	private static final Set<OrgUnitKind> CHANNELS = Set.of(OrgUnitKind.AGENT, OrgUnitKind.DISTRIBUTOR);

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgUnitManagement units;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final MetricsQuery metrics;
	private final FiscalCalendar calendar;
	private final AuditTrail audit;
	private final ChannelPlans channelPlans;
	private final ChannelTerritories territories;
	private final Clock clock;

	ChannelTerms(JdbcClient jdbc, DataScopes scopes, OrgUnitManagement units, OrgDirectory org,
			CatalogManagement catalog, MetricsQuery metrics, FiscalCalendar calendar, AuditTrail audit,
			ChannelPlans channelPlans, ChannelTerritories territories, Clock clock) {
		this.channelPlans = channelPlans;
		this.territories = territories;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.units = units;
		this.org = org;
		this.catalog = catalog;
		this.metrics = metrics;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean mayEdit(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/**
	 * The agent and distributor units the reader sees, with their terms, filtered, sorted and paged in SQL. The units
	 * come from organization's unit query, which applies the reader's data scope and the words searched in SQL; channel
	 * units are few, so their ids, names and kinds are passed as arrays to one statement that joins this module's
	 * terms within the reader's scope, filters by terms, sorts, pages and counts.
	 */
	@Transactional(readOnly = true)
	public PageResponse<ChannelTermsView> list(CurrentUser actor, Filter filter, ListQuery query) {
		if (!mayRead(actor)) {
			return PageResponse.of(List.of(), query, 0);
		}
		List<OrgUnitView> channels = new ArrayList<>();
		for (OrgUnitKind kind : List.of(OrgUnitKind.AGENT, OrgUnitKind.DISTRIBUTOR)) {
			if (filter.kind() == null || filter.kind() == kind) {
				channels.addAll(units.list(actor, unitFilter(filter.q(), kind),
						ListQuery.of(0, 1, null, UNIT_SORTS, "name").unpaged()).content());
			}
		}
		if (channels.isEmpty()) {
			return PageResponse.of(List.of(), query, 0);
		}
		Map<Long, OrgUnitView> byId = new HashMap<>();
		Long[] ids = new Long[channels.size()];
		String[] names = new String[channels.size()];
		String[] kinds = new String[channels.size()];
		for (int i = 0; i < channels.size(); i++) {
			OrgUnitView u = channels.get(i);
			byId.put(u.id(), u);
			ids[i] = u.id();
			names[i] = u.name();
			kinds[i] = u.kind().name();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", new SqlArrayValue("bigint", (Object[]) ids));
		params.put("names", new SqlArrayValue("varchar", (Object[]) names));
		params.put("kinds", new SqlArrayValue("varchar", (Object[]) kinds));
		String scoped = scopes.of(actor).sql(new DataScope.Columns(List.of("t.unit_id"), List.of(),
				List.of("t.unit_id")), params);
		String where = filter.withTerms() == null ? "" : filter.withTerms() ? " WHERE t.unit_id IS NOT NULL"
				: " WHERE t.unit_id IS NULL";
		String from = " FROM UNNEST(:ids, :names, :kinds) AS u(id, name, kind) LEFT JOIN sizing_channel_terms t"
				+ " ON t.unit_id = u.id AND " + scoped + where;
		List<Long> page = new ArrayList<>();
		long[] total = { -1 };
		jdbc.sql("SELECT u.id, COUNT(*) OVER () AS total" + from + query.orderBy("u.name, u.id") + query.limit())
			.params(params)
			.query(rs -> {
				page.add(rs.getLong(1));
				total[0] = rs.getLong(2);
			});
		if (total[0] < 0) {
			total[0] = query.offset() == 0 ? 0 : jdbc.sql("SELECT COUNT(*)" + from).params(params)
				.query(Long.class).single();
		}
		return PageResponse.of(views(actor, page.stream().map(byId::get).toList()), query, total[0]);
	}

	private static boolean mayRead(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE, Role.VIEWER);
	}

	private static final Map<String, String> UNIT_SORTS = Map.of("name", "u.name", "kind", "u.kind");

	private static OrgUnitManagement.UnitFilter unitFilter(@Nullable String q, OrgUnitKind kind) {
		return new OrgUnitManagement.UnitFilter(q, kind, null, false, null);
	}

	/** The active territory model's territories a director picks among, in tree order, for readers of the terms. */
	@Transactional(readOnly = true)
	public List<ChannelTermsView.Territory> territoryChoices(CurrentUser actor) {
		if (!mayRead(actor)) {
			return List.of();
		}
		return territories.choices().stream()
			.map(e -> new ChannelTermsView.Territory(e.id(), e.code(), e.name(), e.path(), true))
			.toList();
	}

	@Transactional(readOnly = true)
	public ChannelTermsView get(CurrentUser actor, long unitId) {
		OrgUnitView unit = units.get(actor, unitId, null);
		if (!CHANNELS.contains(unit.kind())) {
			throw new NotFoundException("channel", unitId);
		}
		return views(actor, List.of(unit)).get(0);
	}

	@Transactional
	public ChannelTermsView save(CurrentUser actor, long unitId, long version, Details d) {
		if (!mayEdit(actor)) {
			throw new AccessRefusedException("channelTerms");
		}
		ChannelTermsView before = get(actor, unitId);
		if (before.version() != version) {
			throw new StaleVersionException(version, before);
		}
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		if (d.basis() == null) {
			errors.add(new ValidationFailedException.FieldError("basis", "sizing.error.required"));
		}
		if (d.sharePercent() == null || d.sharePercent().signum() < 0
				|| d.sharePercent().compareTo(Amounts.HUNDRED) > 0 || d.sharePercent().stripTrailingZeros().scale() > 4) {
			errors.add(new ValidationFailedException.FieldError("sharePercent", "sizing.error.percent"));
		}
		if (d.sellerStaffId() != null) {
			OrgDirectory.StaffSummary seller = org.staff(d.sellerStaffId()).orElse(null);
			if (seller == null || !seller.active() || seller.unitId() != unitId) {
				errors.add(new ValidationFailedException.FieldError("sellerStaffId", "sizing.error.seller"));
			}
		}
		List<Long> lines = d.productLineIds() == null ? List.of() : d.productLineIds().stream().distinct().toList();
		Set<Long> known = catalog.lines(false).stream().map(ProductLineView::id).collect(Collectors.toSet());
		if (!known.containsAll(lines)) {
			errors.add(new ValidationFailedException.FieldError("productLineIds", "sizing.error.productLine"));
		}
		else if (lines.size() > io.rumbo.sizing.domain.ChannelPlan.MAX_LINES) {
			errors.add(new ValidationFailedException.FieldError("productLineIds", "sizing.error.tooManyLines",
					io.rumbo.sizing.domain.ChannelPlan.MAX_LINES));
		}
		List<Long> territoryIds = territories.check(unitId, d.territoryIds() == null ? List.of() : d.territoryIds(),
				errors);
		text(errors, "territoryNote", d.territoryNote(), 500);
		text(errors, "contactName", d.contactName(), 200);
		text(errors, "contactEmail", d.contactEmail(), 200);
		text(errors, "contactPhone", d.contactPhone(), 40);
		if (d.contactEmail() != null && !d.contactEmail().isBlank() && !d.contactEmail().trim().matches("[^@\\s]+@[^@\\s]+")) {
			errors.add(new ValidationFailedException.FieldError("contactEmail", "sizing.error.email"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		LocalDate from = d.validFrom() == null ? LocalDate.now(clock) : d.validFrom();
		String lineText = lines.stream().map(String::valueOf).collect(Collectors.joining(","));
		Map<String, Object> params = new HashMap<>();
		params.put("unit", unitId);
		params.put("basis", d.basis().name());
		params.put("share", d.sharePercent());
		params.put("seller", d.sellerStaffId());
		params.put("lines", lineText);
		params.put("note", blank(d.territoryNote()));
		params.put("name", blank(d.contactName()));
		params.put("email", blank(d.contactEmail()));
		params.put("phone", blank(d.contactPhone()));
		params.put("from", Date.valueOf(from));
		params.put("version", version);
		if (version == 0) {
			jdbc.sql("""
					INSERT INTO sizing_channel_terms (unit_id, basis, share_percent, seller_staff_id, product_line_ids,
					    territory_note, contact_name, contact_email, contact_phone, valid_from, version)
					VALUES (:unit, :basis, :share, :seller, :lines, :note, :name, :email, :phone, :from, 1)""")
				.params(params).update();
		}
		else if (jdbc.sql("""
				UPDATE sizing_channel_terms SET basis = :basis, share_percent = :share, seller_staff_id = :seller,
				    product_line_ids = :lines, territory_note = :note, contact_name = :name,
				    contact_email = :email, contact_phone = :phone, valid_from = :from, version = version + 1
				WHERE unit_id = :unit AND version = :version""").params(params).update() == 0) {
			throw new StaleVersionException(version, before);
		}
		territories.write(unitId, territoryIds);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("basis", d.basis().name());
		after.put("share", d.sharePercent());
		after.put("seller", d.sellerStaffId());
		after.put("lines", lineText);
		after.put("territories", territoryIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
		channelPlans.maintain(actor, unitId, before.unitName(), d.basis(), d.sharePercent(), d.sellerStaffId(), lines,
				from);
		audit.record("CHANNEL_TERMS", unitId, version == 0 ? "CREATE" : "UPDATE", before.basis() == null ? null
				: Map.of("basis", before.basis().name(), "share", before.sharePercent(), "territories",
						before.territoryIds().stream().map(String::valueOf).collect(Collectors.joining(","))), after, before.unitName());
		return get(actor, unitId);
	}

	private List<ChannelTermsView> views(CurrentUser actor, List<OrgUnitView> channels) {
		if (channels.isEmpty()) {
			return new ArrayList<>();
		}
		record Row(ChannelBasis basis, BigDecimal share, @Nullable Long seller, List<Long> lines,
				@Nullable String note, @Nullable String name, @Nullable String email, @Nullable String phone,
				LocalDate from, long version, @Nullable Long plan) {
		}
		Map<Long, Row> rows = new HashMap<>();
		Map<Long, List<Long>> picked = territories.of(channels.stream().map(OrgUnitView::id).toList());
		Map<Long, TerritoryDirectory.Entry> entries = territories.entries(picked.values().stream()
			.flatMap(List::stream).collect(Collectors.toSet()));
		// The terms rows within the reader's scope, in SQL (the units they lead and their own unit), as the units are.
		Map<String, Object> params = new HashMap<>();
		params.put("units", channels.stream().map(OrgUnitView::id).toList());
		String scoped = scopes.of(actor).sql(new DataScope.Columns(List.of("t.unit_id"), List.of(),
				List.of("t.unit_id")), params);
		jdbc.sql("SELECT * FROM sizing_channel_terms t WHERE t.unit_id IN (:units) AND " + scoped)
			.params(params)
			.query(rs -> {
				String lines = rs.getString("product_line_ids");
				rows.put(rs.getLong("unit_id"), new Row(ChannelBasis.valueOf(rs.getString("basis")),
						rs.getBigDecimal("share_percent"), (Long) rs.getObject("seller_staff_id", Long.class),
						lines.isBlank() ? List.of() : Arrays.stream(lines.split(",")).map(Long::valueOf).toList(),
						rs.getString("territory_note"), rs.getString("contact_name"), rs.getString("contact_email"),
						rs.getString("contact_phone"), rs.getDate("valid_from").toLocalDate(), rs.getLong("version"),
						(Long) rs.getObject("plan_id", Long.class)));
			});
		String lang = LocaleContextHolder.getLocale().getLanguage();
		Map<Long, String> lineNames = new HashMap<>();
		catalog.lines(true).forEach(l -> lineNames.put(l.id(), l.name(lang)));
		List<Long> sellers = rows.values().stream().map(Row::seller).filter(java.util.Objects::nonNull).toList();
		Map<Long, String> sellerNames = org.staffNames(sellers);
		FiscalPeriod year = calendar.years().year(calendar.years().yearOf(LocalDate.now(clock)));
		List<StaffId> ids = sellers.stream().map(StaffId::of).toList();
		Map<Long, BigDecimal> credits = credited(rows.values().stream()
			.filter(r -> r.seller() != null)
			.map(r -> new Covered(r.seller(), r.basis(), r.lines()))
			.toList(), year);
		List<ChannelTermsView> views = new ArrayList<>();
		for (OrgUnitView u : channels) {
			Row r = rows.get(u.id());
			if (r == null) {
				views.add(new ChannelTermsView(u.id(), u.code(), u.name(), u.kind(), 0, null, null, null, null,
						List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null, null, null, null,
						null));
				continue;
			}
			List<Long> covered = picked.getOrDefault(u.id(), List.of());
			BigDecimal credited = null;
			BigDecimal earned = null;
			ChannelPlans.Plan plan = channelPlans.plan(actor, r.plan());
			if (r.seller() != null) {
				credited = credits.getOrDefault(r.seller(), BigDecimal.ZERO);
				earned = Amounts.money(credited.multiply(r.share()).divide(Amounts.HUNDRED));
			}
			views.add(new ChannelTermsView(u.id(), u.code(), u.name(), u.kind(), r.version(), r.basis(), r.share(),
					r.seller(), r.seller() == null ? null : sellerNames.get(r.seller()), r.lines(),
					r.lines().stream().map(l -> lineNames.getOrDefault(l, "#" + l)).toList(), covered,
					territories.views(covered, entries), r.note(), r.name(),
					r.email(), r.phone(), r.from(), credited, earned, plan == null ? null : plan.id(),
					plan == null ? null : plan.code(), plan == null ? null : plan.state()));
		}
		return views;
	}

	private record Covered(long seller, ChannelBasis basis, List<Long> lines) {
	}

	/**
	 * What each seller is credited with in {@code year} on the lines their terms cover (every line when none is
	 * named), in the terms' basis: one metrics read per basis for the sellers of every line, one per covered line.
	 */
	private Map<Long, BigDecimal> credited(List<Covered> sellers, FiscalPeriod year) {
		Map<Long, BigDecimal> credited = new HashMap<>();
		Map<ChannelBasis, List<StaffId>> whole = new HashMap<>();
		Map<ChannelBasis, Map<Long, List<StaffId>>> byLine = new HashMap<>();
		for (Covered c : sellers) {
			if (c.lines().isEmpty()) {
				whole.computeIfAbsent(c.basis(), b -> new ArrayList<>()).add(StaffId.of(c.seller()));
			}
			else {
				c.lines().forEach(l -> byLine.computeIfAbsent(c.basis(), b -> new HashMap<>())
					.computeIfAbsent(l, x -> new ArrayList<>())
					.add(StaffId.of(c.seller())));
			}
		}
		whole.forEach((basis, people) -> metrics.byPerson(metric(basis), year, people)
			.forEach((p, v) -> credited.merge(p.value(), v, BigDecimal::add)));
		byLine.forEach((basis, lines) -> lines.forEach((line, people) -> metrics
			.byPersonOfLine(metric(basis), year, people, line)
			.forEach((p, v) -> credited.merge(p.value(), v, BigDecimal::add))));
		return credited;
	}

	private static Metric metric(ChannelBasis basis) {
		return basis == ChannelBasis.MARGIN ? Metric.MARGIN : Metric.REVENUE;
	}

	private static void text(List<ValidationFailedException.FieldError> errors, String field, @Nullable String value,
			int max) {
		if (value != null && value.trim().length() > max) {
			errors.add(new ValidationFailedException.FieldError(field, "sizing.error.tooLong", max));
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
