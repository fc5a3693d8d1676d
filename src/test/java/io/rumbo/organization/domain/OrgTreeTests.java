package io.rumbo.organization.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrgTreeTests {

	// 1 company > 2, 3 regions; 2 > 4 branch > 5, 6 teams; 3 > 7 branch
	private final OrgTree tree = new OrgTree(List.of(new OrgTree.Link(1, null), new OrgTree.Link(2, 1L),
			new OrgTree.Link(3, 1L), new OrgTree.Link(4, 2L), new OrgTree.Link(5, 4L), new OrgTree.Link(6, 4L),
			new OrgTree.Link(7, 3L)));

	@Test
	void subtreeHoldsTheUnitAndEverythingBelow() {
		assertThat(tree.subtree(2)).containsExactlyInAnyOrder(2L, 4L, 5L, 6L);
		assertThat(tree.subtree(7)).containsExactly(7L);
		assertThat(tree.subtree(99)).isEmpty();
		assertThat(tree.subtrees(List.of(4L, 3L))).containsExactlyInAnyOrder(4L, 5L, 6L, 3L, 7L);
	}

	@Test
	void ancestorsRunUpToTheRoot() {
		assertThat(tree.ancestors(5)).containsExactly(4L, 2L, 1L);
		assertThat(tree.ancestors(1)).isEmpty();
		assertThat(tree.roots()).containsExactly(1L);
	}

	@Test
	void refusesMovesThatWouldPutAUnitBelowItself() {
		assertThat(tree.wouldCreateCycle(2, 5)).isTrue();
		assertThat(tree.wouldCreateCycle(2, 2)).isTrue();
		assertThat(tree.wouldCreateCycle(4, 3)).isFalse();
		assertThat(tree.wouldCreateCycle(7, 6)).isFalse();
	}

	@Test
	void unitsWhoseParentIsNotInTheTreeAreRoots() {
		OrgTree partial = new OrgTree(List.of(new OrgTree.Link(4, 2L), new OrgTree.Link(5, 4L)));
		assertThat(partial.roots()).containsExactly(4L);
		assertThat(partial.subtree(4)).containsExactlyInAnyOrder(4L, 5L);
	}
}
