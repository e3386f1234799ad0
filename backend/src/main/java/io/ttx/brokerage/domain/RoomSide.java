package io.ttx.brokerage.domain;

/**
 * For whom someone speaks in a deal's room: a party (the seller's TTO, the buyer's enterprise users), the assigned
 * broker organisation, or a platform administrator (who may post messages, never documents).
 */
public enum RoomSide { SELLER, BUYER, BROKER, ADMIN }
