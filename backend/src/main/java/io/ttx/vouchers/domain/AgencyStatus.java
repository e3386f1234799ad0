package io.ttx.vouchers.domain;

/** An agency's admission: under public notice, then ADMITTED or REJECTED by the province's region admin. */
public enum AgencyStatus {
    NOTICE, ADMITTED, REJECTED
}
