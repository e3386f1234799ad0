package io.ttx.catalogue;

/** How a technology changes hands: assignment, licences (exclusive, sole, ordinary), equity, joint development, service. */
public enum TransferMode { ASSIGNMENT, EXCLUSIVE_LICENCE, SOLE_LICENCE, ORDINARY_LICENCE, EQUITY, JOINT_DEVELOPMENT, TECHNICAL_SERVICE }
