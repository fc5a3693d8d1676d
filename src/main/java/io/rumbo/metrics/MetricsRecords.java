package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.customers.ServiceRecords;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.domain.MetricFigures;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.SalesRecords;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The records behind a figure (drill-down): for a measure, a period and a person or a unit (its subtree as it stood
 * in the period's months), the orders with the credited share and amount, the activities, opportunities, cases,
 * ratings or tasks the figure counts, within the reader's scope. A person or unit outside it is not found. For a
 * figure of one product line (a measure that order lines carry), the order lines of that line's products, with the
 * credited share of each line's amount.
 */
@Service
public class MetricsRecords {

	/** One record behind a figure, whatever its kind. */
	public record Item(String kind, long id, LocalDate date, String reference, @Nullable Long customerId, long staffId,
			long unitId, @Nullable BigDecimal sharePercent, @Nullable BigDecimal amount,
			@Nullable BigDecimal creditedAmount, @Nullable String detail) {
	}

	private final SalesRecords sales;
	private final ServiceRecords service;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final CatalogManagement catalog;

	MetricsRecords(SalesRecords sales, ServiceRecords service, DataScopes scopes, OrgDirectory org,
			CatalogManagement catalog) {
		this.sales = sales;
		this.service = service;
		this.scopes = scopes;
		this.org = org;
		this.catalog = catalog;
	}

	/**
	 * @param line a product line (only for a measure that order lines carry, {@link Metric#byLine()}; an unknown line
	 *        is not found)
	 */
	@Transactional(readOnly = true)
	public PageResponse<Item> list(CurrentUser reader, Metric metric, FiscalPeriod period, @Nullable Long person,
			@Nullable Long unit, @Nullable Long line, ListQuery query) {
		if (line != null && !metric.byLine()) {
			throw ValidationFailedException.of("line", "metrics.line.notByLine");
		}
		Collection<Long> products = line == null ? null : products(line);
		DataScope scope = scopes.of(reader);
		if (unit != null && !scope.managesUnit(unit) && !unit.equals(scope.ownUnitId())) {
			throw new NotFoundException("unit", unit);
		}
		if (person != null && person != 0 && !scope.all() && !person.equals(scope.ownStaffId())) {
			long home = org.staff(person).map(OrgDirectory.StaffSummary::unitId)
				.orElseThrow(() -> new NotFoundException("staff", person));
			if (!scope.managesUnit(home)) {
				throw new NotFoundException("staff", person);
			}
		}
		Collection<Long> units = unit == null ? null : members(unit, period);
		int page = query.page();
		int size = query.size();
		return switch (metric) {
			case CASES_RESOLVED, RESOLUTION_DAYS, CSAT, NPS -> {
				ServiceRecords.Page found = service.list(
						metric == Metric.CSAT || metric == Metric.NPS ? ServiceRecords.Kind.RATINGS
								: ServiceRecords.Kind.CASES,
						period.start(), period.end(), person, units, scope, page, size);
				yield PageResponse.of(found.items().stream().map(i -> new Item(i.kind(), i.id(), i.date(), i.reference(),
						i.customerId(), i.staffId(), i.unitId(), null, i.amount(), null, i.detail())).toList(), query,
						found.total());
			}
			default -> {
				SalesRecords.Page found = sales.list(kind(metric), new SalesRecords.Filter(period.start(), period.end(),
						person, units, activityType(metric), products), scope, page, size);
				yield PageResponse.of(found.items().stream().map(i -> new Item(i.kind(), i.id(), i.date(), i.reference(),
						i.customerId(), i.staffId(), i.unitId(), i.sharePercent(), i.amount(), i.creditedAmount(),
						i.detail())).toList(), query, found.total());
			}
		};
	}

	/** The products of a line as the catalog has them now: the facts count each order line in its product's line. */
	private List<Long> products(long line) {
		catalog.line(line);
		List<Long> ids = new ArrayList<>();
		catalog.eachProduct(new ProductFilter(null, line, null),
				ListQuery.of(0, 1, List.of("sku"), CatalogManagement.PRODUCT_SORTS, "sku").unpaged(), p -> ids.add(p.id()));
		return ids;
	}

	private Set<Long> members(long unit, FiscalPeriod period) {
		Set<Long> members = new HashSet<>();
		for (LocalDate month : MetricFigures.months(period)) {
			org.subtreesOn(List.of(UnitId.of(unit)), month).values().forEach(s -> s.forEach(u -> members.add(u.value())));
		}
		return members;
	}

	private static SalesRecords.Kind kind(Metric metric) {
		return switch (metric) {
			case VISITS, CALLS, MEETINGS, EMAILS, DEMOS -> SalesRecords.Kind.ACTIVITIES;
			case OPPORTUNITIES_CREATED -> SalesRecords.Kind.OPPORTUNITIES_CREATED;
			case OPPORTUNITIES_WON, OPPORTUNITIES_LOST, WIN_RATE -> SalesRecords.Kind.OPPORTUNITIES_CLOSED;
			case WEIGHTED_PIPELINE, PIPELINE_COVERAGE -> SalesRecords.Kind.OPPORTUNITIES_OPEN;
			case TASKS_ON_TIME -> SalesRecords.Kind.TASKS;
			case FORECAST_ACCURACY -> SalesRecords.Kind.FORECAST_ACCURACY;
			default -> SalesRecords.Kind.ORDERS;
		};
	}

	private static @Nullable String activityType(Metric metric) {
		return switch (metric) {
			case VISITS -> "VISIT";
			case CALLS -> "CALL";
			case MEETINGS -> "MEETING";
			case EMAILS -> "EMAIL";
			case DEMOS -> "DEMO";
			default -> null;
		};
	}
}
