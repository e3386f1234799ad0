package io.ttx.brokerage.domain;

/** The technology-contract categories of the registration (技术合同认定登记). */
public enum ContractType {
    TECHNOLOGY_DEVELOPMENT, TRANSFER, LICENSING, CONSULTING, SERVICE
}
