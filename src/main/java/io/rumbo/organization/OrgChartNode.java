package io.rumbo.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One unit of the org chart with its people counted directly and across its whole subtree. */
public record OrgChartNode(long id, String code, String name, OrgUnitKind kind, @Nullable String location,
		@Nullable String managerName, long headcount, long subtreeHeadcount, List<OrgChartNode> children) {
}
