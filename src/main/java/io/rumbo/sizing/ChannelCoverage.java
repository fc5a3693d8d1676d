package io.rumbo.sizing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.sales.SellerCoverage;

/**
 * Sales' {@link SellerCoverage} from the channel terms (decision 0042): the seller record of every channel whose terms
 * name product lines covers those lines from the terms' first day; terms that name none, and sellers without terms,
 * cover every line. One small read of this module's table (one row per channel).
 */
@Component
class ChannelCoverage implements SellerCoverage {

	private final JdbcClient jdbc;

	ChannelCoverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Covered> restrictedSellers() {
		Map<Long, Covered> sellers = new HashMap<>();
		jdbc.sql("""
				SELECT seller_staff_id, product_line_ids, valid_from FROM sizing_channel_terms
				WHERE seller_staff_id IS NOT NULL AND product_line_ids <> ''""")
			.query(rs -> {
				sellers.merge(rs.getLong(1), new Covered(rs.getObject(3, LocalDate.class),
						Arrays.stream(rs.getString(2).split(",")).map(Long::valueOf).collect(Collectors.toSet())),
						(a, b) -> a.from().isBefore(b.from()) ? a : b);
			});
		return sellers;
	}
}
