package io.ttx.shared;

/** An amount as clients send it: a decimal string in yuan and its currency (implemented by the catalogue's Money). */
public interface CnyAmount {
    String amount();

    String currency();
}
