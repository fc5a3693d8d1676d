package io.rumbo.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Target markets: segments defined by criteria (industry, region, size, potential class, customer segment) whose
 * target list is the accounts matching them now, plus accounts added by hand, minus accounts removed by hand; so the
 * list follows the customers as they change. Coverage counts the targets the reader sees, those visited and those
 * that bought in a period. Directors and administrators define segments; everyone reads them within their scope.
 */
@Service
public class SegmentManagement {

	public record Criteria(@Nullable String industry, @Nullable String region, @Nullable CompanySize companySize,
			@Nullable PotentialClass potentialClass, @Nullable Segment customerSegment) {
	}

	public record SegmentDetails(String name, @Nullable String description, Criteria criteria) {
	}

	public record SegmentView(long id, long version, String name, @Nullable String description, Criteria criteria,
			int addedByHand, int removedByHand) {
	}

	public record TargetAccount(long customerId, String legalName, boolean byHand) {
	}

	/** How well the reader's part of the target list is covered in a period. */
	public record Coverage(long segmentId, LocalDate from, LocalDate to, long targets, long visited, long bought) {
	}

	private final JdbcClient jdbc;
	private final CustomerDirectory customers;
	private final DataScopes scopes;
	private final ObjectProvider<SalesHistory> sales;
	private final FiscalCalendar calendar;
	private final AuditTrail audit;
	private final Clock clock;

	SegmentManagement(JdbcClient jdbc, CustomerDirectory customers, DataScopes scopes, ObjectProvider<SalesHistory> sales,
			FiscalCalendar calendar, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.scopes = scopes;
		this.sales = sales;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean mayDefine(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/** Sort keys of the segment list. */
	public static final Map<String, String> SORTS = Map.of("name", "name");

	/** Every segment in use, by name. */
	@Transactional(readOnly = true)
	public List<SegmentView> list() {
		return rows(ListQuery.of(0, 1, null, SORTS, "name").unpaged());
	}

	/** A page of the segments in use. */
	@Transactional(readOnly = true)
	public PageResponse<SegmentView> page(ListQuery query) {
		long total = jdbc.sql("SELECT COUNT(*) FROM planning_segment WHERE archived = FALSE").query(Long.class).single();
		return PageResponse.of(rows(query), query, total);
	}

	private List<SegmentView> rows(ListQuery query) {
		record ByHand(int added, int removed) {

			static final ByHand NONE = new ByHand(0, 0);

			ByHand plus(ByHand other) {
				return new ByHand(added + other.added, removed + other.removed);
			}
		}
		Map<Long, ByHand> hand = new HashMap<>();
		jdbc.sql("SELECT segment_id, included, COUNT(*) FROM planning_segment_account GROUP BY segment_id, included")
			.query(rs -> {
				hand.merge(rs.getLong(1), rs.getBoolean(2) ? new ByHand(rs.getInt(3), 0) : new ByHand(0, rs.getInt(3)),
						ByHand::plus);
			});
		return jdbc.sql("SELECT * FROM planning_segment WHERE archived = FALSE" + query.orderBy("id") + query.limit())
			.query((rs, n) -> {
				ByHand h = hand.getOrDefault(rs.getLong("id"), ByHand.NONE);
				return new SegmentView(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
						rs.getString("description"), new Criteria(rs.getString("industry"), rs.getString("region"),
								rs.getString("company_size") == null ? null : CompanySize.valueOf(rs.getString("company_size")),
								rs.getString("potential_class") == null ? null
										: PotentialClass.valueOf(rs.getString("potential_class")),
								rs.getString("customer_segment") == null ? null
										: Segment.valueOf(rs.getString("customer_segment"))),
						h.added(), h.removed());
			})
			.list();
	}

	@Transactional(readOnly = true)
	public SegmentView get(long id) {
		return list().stream().filter(s -> s.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("segment", id));
	}

	/** A page of the target list as the reader may see it, by legal name. */
	@Transactional(readOnly = true)
	public PageResponse<TargetAccount> targets(CurrentUser actor, long id, ListQuery query) {
		List<TargetAccount> all = targets(actor, id);
		int from = (int) Math.min(all.size(), query.offset());
		int to = (int) Math.min(all.size(), (long) from + query.size());
		return PageResponse.of(all.subList(from, to), query, all.size());
	}

	@Transactional
	public SegmentView create(CurrentUser actor, SegmentDetails d) {
		requireDefiner(actor);
		validate(d);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO planning_segment (name, description, industry, region, company_size, potential_class,
				  customer_segment, archived, version)
				VALUES (:name, :description, :industry, :region, :size, :class, :segment, FALSE, 0)""")
			.params(params(d))
			.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("SEGMENT", id, "CREATE", null, params(d), d.name());
		return get(id);
	}

	@Transactional
	public SegmentView update(CurrentUser actor, long id, long version, SegmentDetails d) {
		requireDefiner(actor);
		SegmentView current = get(id);
		validate(d);
		int changed = jdbc.sql("""
				UPDATE planning_segment SET name = :name, description = :description, industry = :industry,
				  region = :region, company_size = :size, potential_class = :class, customer_segment = :segment,
				  version = version + 1 WHERE id = :id AND version = :version""")
			.params(params(d))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new StaleVersionException(version, current);
		}
		audit.record("SEGMENT", id, "UPDATE", Map.of("name", current.name()), params(d), d.name());
		return get(id);
	}

	/** Adds an account to the list by hand (included) or takes a matching one out (excluded); null clears the mark. */
	@Transactional
	public SegmentView mark(CurrentUser actor, long id, long customerId, @Nullable Boolean included) {
		requireDefiner(actor);
		get(id);
		if (customers.find(customerId).isEmpty()) {
			throw ValidationFailedException.of("customerId", "planning.segment.customer.unknown");
		}
		jdbc.sql("DELETE FROM planning_segment_account WHERE segment_id = :s AND customer_id = :c")
			.param("s", id)
			.param("c", customerId)
			.update();
		if (included != null) {
			jdbc.sql("INSERT INTO planning_segment_account (segment_id, customer_id, included) VALUES (:s, :c, :i)")
				.param("s", id)
				.param("c", customerId)
				.param("i", included)
				.update();
		}
		audit.record("SEGMENT", id, "ACCOUNT", null, Map.of("customerId", customerId, "included",
				included == null ? "criteria" : included.toString()), null);
		return get(id);
	}

	/** The target list as the reader may see it: matching accounts, plus added, minus removed. */
	@Transactional(readOnly = true)
	public List<TargetAccount> targets(CurrentUser actor, long id) {
		SegmentView segment = get(id);
		Map<Long, Boolean> hand = new HashMap<>();
		jdbc.sql("SELECT customer_id, included FROM planning_segment_account WHERE segment_id = :s")
			.param("s", id)
			.query(rs -> {
				hand.put(rs.getLong(1), rs.getBoolean(2));
			});
		Criteria c = segment.criteria();
		Map<Long, TargetAccount> list = new LinkedHashMap<>();
		for (CustomerDirectory.CustomerRef ref : customers.matching(c.industry(), c.region(), c.companySize(),
				c.potentialClass(), c.customerSegment())) {
			if (!Boolean.FALSE.equals(hand.get(ref.id()))) {
				list.put(ref.id(), new TargetAccount(ref.id(), ref.legalName(), false));
			}
		}
		Set<Long> added = new HashSet<>();
		hand.forEach((customer, included) -> {
			if (included && !list.containsKey(customer)) {
				added.add(customer);
			}
		});
		Map<Long, CustomerDirectory.CustomerRef> visible = new HashMap<>();
		DataScope scope = scopes.of(actor);
		for (CustomerDirectory.CustomerRef ref : customers.refs(added)) {
			if (!ref.archived()) {
				list.put(ref.id(), new TargetAccount(ref.id(), ref.legalName(), true));
			}
		}
		customers.refs(list.keySet()).forEach(ref -> visible.put(ref.id(), ref));
		List<TargetAccount> result = new ArrayList<>();
		for (TargetAccount account : list.values()) {
			CustomerDirectory.CustomerRef ref = visible.get(account.customerId());
			if (ref != null && sees(scope, ref)) {
				result.add(account);
			}
		}
		result.sort(java.util.Comparator.comparing(TargetAccount::legalName));
		return result;
	}

	/** Targets, visited and bought in a period (the current fiscal year to date when absent). */
	@Transactional(readOnly = true)
	public Coverage coverage(CurrentUser actor, long id, @Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate today = LocalDate.now(clock);
		FiscalPeriod year = calendar.years().year(calendar.currentYear());
		LocalDate start = from == null ? year.start() : from;
		LocalDate end = to == null ? today : to;
		List<Long> ids = targets(actor, id).stream().map(TargetAccount::customerId).toList();
		SalesHistory history = sales.getIfAvailable();
		long visited = history == null ? 0 : history.visited(ids, start, end.plusDays(1)).size();
		long bought = history == null ? 0 : history.bought(ids, start, end.plusDays(1)).size();
		return new Coverage(id, start, end, ids.size(), visited, bought);
	}

	/**
	 * An account is in the reader's part of the list when they see its unit's accounts or own it: the scope's own
	 * rule ({@link DataScope#seesStaff}), applied here to accounts the customers module has already read.
	 */
	private static boolean sees(DataScope scope, CustomerDirectory.CustomerRef ref) {
		return ref.ownerStaffId() == null ? scope.managesUnit(ref.unitId())
				: scope.seesStaff(ref.ownerStaffId(), ref.unitId());
	}

	private void requireDefiner(CurrentUser actor) {
		if (!mayDefine(actor)) {
			throw new AccessRefusedException("segments");
		}
	}

	private static void validate(SegmentDetails d) {
		if (d.name() == null || d.name().isBlank()) {
			throw ValidationFailedException.of("name", "planning.segment.name.required");
		}
	}

	private static Map<String, Object> params(SegmentDetails d) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", d.name().trim());
		p.put("description", blank(d.description()));
		p.put("industry", blank(d.criteria().industry()));
		p.put("region", blank(d.criteria().region()));
		p.put("size", d.criteria().companySize() == null ? null : d.criteria().companySize().name());
		p.put("class", d.criteria().potentialClass() == null ? null : d.criteria().potentialClass().name());
		p.put("segment", d.criteria().customerSegment() == null ? null : d.criteria().customerSegment().name());
		return p;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
