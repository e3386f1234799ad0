package io.ttx.catalogue;

/** Rights already granted over an achievement that a buyer must know about. */
public enum EncumbranceType { PLEDGE, EXCLUSIVE_LICENCE, SOLE_LICENCE, OTHER }
