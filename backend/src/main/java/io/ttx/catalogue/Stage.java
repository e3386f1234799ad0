package io.ttx.catalogue;

/** Maturity stage of an achievement: lab, pilot, small batch, mass production. */
public enum Stage { LAB, PILOT, SMALL_BATCH, MASS_PRODUCTION }
