package io.ttx.catalogue.rules;

import io.ttx.catalogue.TransferMode;

/**
 * The bounds of every string and list of a listing (and of the notes on its lifecycle steps), in code points of the
 * stored (NFC) form and in items as sent. The contract states the same numbers ({@code maxLength}, {@code maxItems});
 * docs/decisions.md says why each was chosen. A list over its bound is refused before any of its items is looked at,
 * a text over its bound before it is normalised.
 */
public final class Limits {
    public static final int TITLE = 200;
    public static final int SUMMARY = 2_000;
    /** Problem solved, advantages, indicators, applications, commercial analysis, problem to solve, current basis. */
    public static final int FREE_TEXT = 4_000;
    public static final int KEYWORD = 50;
    public static final int KEYWORDS = 20;
    public static final int IPC_CODES = 20;
    /** The longest spelling of an IPC symbol worth parsing ("H01M 0010 / 123456" and spaces around it). */
    public static final int IPC_SYMBOL = 50;
    public static final int INVENTORS = 50;
    /** Names of people: inventors, the contact. */
    public static final int PERSON_NAME = 100;
    public static final int PHONE = 30;
    public static final int PATENTS = 50;
    /** Application and publication numbers (CN202310123456.7, PCT/CN2023/123456). */
    public static final int PATENT_NUMBER = 50;
    public static final int CO_OWNERS = 20;
    /** Names of organisations: patent co-owners. */
    public static final int ORGANISATION_NAME = 200;
    public static final int ENCUMBRANCES = 20;
    public static final int ENCUMBRANCE_DESCRIPTION = 2_000;
    /** Transfer or cooperation modes: each mode once (duplicates are dropped, but count as sent). */
    public static final int MODES = TransferMode.values().length;
    /** The note of a lifecycle step or a review decision. */
    public static final int NOTE = 2_000;

    private Limits() { }
}
