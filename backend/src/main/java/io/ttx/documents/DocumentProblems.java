package io.ttx.documents;

import io.ttx.shared.DomainException;

/** The ways an upload or download is refused, each with its stable code. */
public final class DocumentProblems extends DomainException {
    private DocumentProblems(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    static DocumentProblems tooLarge(long limit) {
        return new DocumentProblems("payload-too-large", Kind.TOO_LARGE, "A document may have at most " + limit + " bytes.");
    }

    /** The request body passed its limit while streaming (the multipart envelope, or a text field over its size). */
    static DocumentProblems tooLarge(String detail) {
        return new DocumentProblems("payload-too-large", Kind.TOO_LARGE, detail);
    }

    static DocumentProblems unsupportedType(String detected) {
        return new DocumentProblems("unsupported-document-type", Kind.UNSUPPORTED_TYPE,
            "The content is " + detected + ", which is not accepted (PDF, Office, images, plain text, zip).");
    }

    static DocumentProblems storageUnavailable() {
        return new DocumentProblems("service-unavailable", Kind.UNAVAILABLE, "Document storage is not available; retry later.");
    }

    static DocumentProblems notFound(String id) {
        return new DocumentProblems("not-found", Kind.NOT_FOUND, "No document " + id + ".");
    }

    static DocumentProblems notOwner() {
        return new DocumentProblems("forbidden", Kind.FORBIDDEN, "Only the owning organisation's researchers and TTO manage its documents.");
    }

    static DocumentProblems keptInRoom() {
        return new DocumentProblems("forbidden", Kind.FORBIDDEN, "A room's documents (a deal room's) are part of its record and cannot be deleted.");
    }
}
