package io.rumbo.sizing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rumbo.incentives.Cadence;
import io.rumbo.incentives.ClawbackPolicy;
import io.rumbo.incentives.DrawKind;
import io.rumbo.incentives.MeasuredOn;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.ProrationRule;
import io.rumbo.incentives.TableBasis;
import io.rumbo.incentives.TableKind;
import io.rumbo.incentives.TierBoundary;
import io.rumbo.metrics.Metric;
import io.rumbo.sizing.ChannelBasis;

/**
 * The incentive plan that pays a channel by its terms (decision 0042), written through incentives' plan API so that
 * payout runs, statements, approval, export and disputes treat the channel like any salesperson. The plan names the
 * channel's seller record only; it has one monthly component per covered product line (or one over every line when
 * the terms name none), each a flat table of one open tier paying the share in percent of the seller's revenue or
 * margin of that line. Lines the terms do not cover have no component, so they pay nothing. People read the plan in
 * either language, so it is named neutrally, with names of the company's own: the plan by the channel's unit, each
 * component by its product line (as the catalog names it for who writes the terms), the one over every line by the
 * channel again; the basis is the component's metric, which the plan pages name in the reader's language.
 */
public final class ChannelPlan {

	/** The most product lines terms may cover by name: a plan holds at most 20 components. */
	public static final int MAX_LINES = 20;

	private ChannelPlan() {
	}

	/**
	 * The plan of a channel for a fiscal year: {@code lineNames} are the covered product lines by id (in order), empty
	 * for every line.
	 */
	public static PlanDetails details(String channelName, int fiscalYear, ChannelBasis basis, BigDecimal sharePercent,
			long sellerStaffId, Map<Long, String> lineNames) {
		Metric metric = basis == ChannelBasis.MARGIN ? Metric.MARGIN : Metric.REVENUE;
		List<ComponentDetails> components = new ArrayList<>();
		if (lineNames.isEmpty()) {
			components.add(component(channelName, metric, null, sharePercent));
		}
		else {
			lineNames.forEach((id, name) -> components.add(component(name, metric, id, sharePercent)));
		}
		String name = channelName.length() > 150 ? channelName.substring(0, 150) : channelName;
		return new PlanDetails(name, fiscalYear, null, null, List.of(sellerStaffId), ProrationRule.DAYS, null,
				DrawKind.NONE, null, ClawbackPolicy.FULL, null, components);
	}

	private static ComponentDetails component(String name, Metric metric, Long line, BigDecimal share) {
		return new ComponentDetails(name.length() > 100 ? name.substring(0, 100) : name, metric, MeasuredOn.PERSON,
				line, Cadence.MONTH, TableBasis.VALUE, TableKind.FLAT, TierBoundary.LOWER_INCLUSIVE,
				List.of(new TierLine(BigDecimal.ZERO, null, share)), null, null, null, null, null, null, List.of(), null,
				null, null);
	}
}
