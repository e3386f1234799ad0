package io.ttx.documents.text;

/** A document whose text could not be extracted: the parser failed, ran out of time or memory. Not retried. */
public final class ExtractionFailed extends Exception {
    ExtractionFailed(String message) {
        super(message);
    }
}
