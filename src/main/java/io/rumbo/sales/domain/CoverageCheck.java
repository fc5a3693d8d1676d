package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.SellerCoverage;

/**
 * Refuses order lines of product lines a credited channel seller does not cover ({@link SellerCoverage}, decision
 * 0042): on entry per line, in the import set-based (one statement for the staged lines credited to a restricted
 * seller, then the products of those lines at once). The message names the product, its line and the seller.
 */
@Component
public class CoverageCheck {

	/** A line the credited seller may not sell: where it is and what the message says. */
	public record Uncovered(int index, long row, String product, String sku, String line, String seller) {
	}

	private static final String KEY = "sales.order.product.notCovered";

	private final ObjectProvider<SellerCoverage> coverage;
	private final ProductCatalog products;
	private final CatalogManagement catalog;
	private final OrgDirectory org;
	private final JdbcClient jdbc;

	CoverageCheck(ObjectProvider<SellerCoverage> coverage, ProductCatalog products, CatalogManagement catalog,
			OrgDirectory org, JdbcClient jdbc) {
		this.coverage = coverage;
		this.products = products;
		this.catalog = catalog;
		this.org = org;
		this.jdbc = jdbc;
	}

	public static String key() {
		return KEY;
	}

	private Map<Long, SellerCoverage.Covered> restricted() {
		SellerCoverage found = coverage.getIfAvailable();
		return found == null ? Map.of() : found.restrictedSellers();
	}

	/** The lines (by index in {@code productIds}) of an order dated {@code date} its credited sellers do not cover. */
	public List<Uncovered> order(LocalDate date, Collection<Long> credited, List<Long> productIds) {
		Map<Long, SellerCoverage.Covered> restricted = new HashMap<>(restricted());
		restricted.keySet().retainAll(Set.copyOf(credited));
		if (restricted.isEmpty()) {
			return List.of();
		}
		List<Staged> staged = new ArrayList<>();
		for (int i = 0; i < productIds.size(); i++) {
			for (Long seller : restricted.keySet()) {
				staged.add(new Staged(i, 0, date, productIds.get(i), seller));
			}
		}
		return uncovered(staged, restricted);
	}

	/** The staged lines of import {@code importId} credited to a seller who does not cover their product line. */
	public List<Uncovered> staged(long importId) {
		Map<Long, SellerCoverage.Covered> restricted = restricted();
		if (restricted.isEmpty()) {
			return List.of();
		}
		List<Staged> staged = jdbc.sql("""
				SELECT l.row_no, l.order_date, l.product_id, c.staff_id
				FROM sales_order_import_line l
				JOIN sales_order_import_credit c ON c.import_id = l.import_id AND c.external_number = l.external_number
				WHERE l.import_id = :id AND l.product_id IS NOT NULL AND l.order_date IS NOT NULL
				  AND c.staff_id IN (:sellers)
				ORDER BY l.row_no""")
			.param("id", importId)
			.param("sellers", restricted.keySet())
			.query((rs, n) -> new Staged(n, rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
					rs.getLong(4)))
			.list();
		return uncovered(staged, restricted);
	}

	private record Staged(int index, long row, LocalDate date, long productId, long seller) {
	}

	private List<Uncovered> uncovered(List<Staged> staged, Map<Long, SellerCoverage.Covered> restricted) {
		if (staged.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new HashSet<>();
		staged.forEach(s -> ids.add(s.productId()));
		Map<Long, ProductView> byId = new HashMap<>();
		products.products(ids).forEach(p -> byId.put(p.id(), p));
		List<Staged> refused = staged.stream().filter(s -> {
			ProductView p = byId.get(s.productId());
			return p != null && !restricted.get(s.seller()).covers(s.date(), p.lineId());
		}).toList();
		if (refused.isEmpty()) {
			return List.of();
		}
		String lang = LocaleContextHolder.getLocale().getLanguage();
		Map<Long, String> lines = new HashMap<>();
		catalog.lines(true).forEach((ProductLineView l) -> lines.put(l.id(), l.name(lang)));
		Map<Long, String> sellers = org.staffNames(refused.stream().map(Staged::seller).distinct().toList());
		return refused.stream().map(s -> {
			ProductView p = byId.get(s.productId());
			return new Uncovered(s.index(), s.row(), p.name(lang), p.sku(), lines.getOrDefault(p.lineId(),
					"#" + p.lineId()), sellers.getOrDefault(s.seller(), "#" + s.seller()));
		}).toList();
	}
}
