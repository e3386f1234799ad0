package io.ttx.catalogue;

/** Who should own the IP a demand's cooperation produces. */
public enum IpOwnership { BUYER, SELLER, SHARED, NEGOTIABLE }
