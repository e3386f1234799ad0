package io.ttx.catalogue;

/** The eight national key-support high-tech fields. */
public enum TechField { ELECTRONIC_INFORMATION, BIO_MEDICINE, AEROSPACE, NEW_MATERIALS, HIGH_TECH_SERVICES, NEW_ENERGY, RESOURCES_ENVIRONMENT, ADVANCED_MANUFACTURING }
