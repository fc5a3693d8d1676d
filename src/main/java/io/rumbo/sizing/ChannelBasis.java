package io.rumbo.sizing;

/** What a channel's share is of: the net revenue or the gross margin of the orders credited to it. */
public enum ChannelBasis {
	REVENUE, MARGIN
}
