package io.ttx.catalogue;

/** How the price is found: fixed-price listing, negotiation, auction, tender. */
public enum TradeMethod { FIXED_PRICE, NEGOTIATED, AUCTION, TENDER }
