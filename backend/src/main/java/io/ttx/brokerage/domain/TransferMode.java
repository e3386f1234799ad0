package io.ttx.brokerage.domain;

/**
 * How a technology changes hands; the same names as the catalogue's modes, which the caller maps. Assignment (转让)
 * and equity (作价投资, a contribution in kind) transfer ownership; the three licences grant a right of use; joint
 * development and technical service grant nothing over the technology.
 */
public enum TransferMode {
    ASSIGNMENT, EXCLUSIVE_LICENCE, SOLE_LICENCE, ORDINARY_LICENCE, EQUITY, JOINT_DEVELOPMENT, TECHNICAL_SERVICE;

    /** Whether a contract in this mode grants rights over the technology, so exclusivity applies to it. */
    public boolean grantsRights() {
        return this != JOINT_DEVELOPMENT && this != TECHNICAL_SERVICE;
    }

    /** Exclusive (独占) or sole (排他) licence: excludes other grants over the same field, territory and term. */
    public boolean isExclusive() {
        return this == EXCLUSIVE_LICENCE || this == SOLE_LICENCE;
    }

    /** Assignment or equity: the seller no longer holds the right afterwards. */
    public boolean transfersOwnership() {
        return this == ASSIGNMENT || this == EQUITY;
    }
}
