package io.ttx.brokerage.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The technology-contract registration (技术合同认定登记): it unlocks the VAT exemption and income-tax relief, so it is
 * a stage of its own. Contract value and technical income in fen; the technical income is part of the value.
 */
public record Registration(String number, LocalDate registeredOn, ContractType contractType, long contractValue,
        long technicalIncome) {

    public Registration {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(contractType, "contractType");
    }
}
