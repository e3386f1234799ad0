package io.ttx.vouchers.domain;

/** The service categories a voucher pays for (not training, software purchase or advertising). */
public enum Category {
    TESTING_INSPECTION, RD_DESIGN, INSTRUMENT_SHARING, TECHNOLOGY_TRANSFER, IP_SERVICES
}
