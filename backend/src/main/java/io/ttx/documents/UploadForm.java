package io.ttx.documents;

import io.ttx.documents.Documents.StoredObject;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one upload request has delivered so far: at most one file (a second file part, or a part that is neither the
 * file nor a text field, is refused when it starts, before any of it is read or stored) and the confidentiality
 * (required for a listing's document, optional and only CONFIDENTIAL for a room's).
 * Other text fields are let through without being kept. Not thread-safe: the parts of a request arrive in order.
 */
final class UploadForm {
    static final String FILE = "file";
    static final String CONFIDENTIALITY = "confidentiality";
    /** Longest text field accepted: the confidentiality needs 12 characters, anything longer is not ours. */
    static final int MAX_FIELD_LENGTH = 1024;

    /** Room documents are always confidential: the field may be left out, and anything but CONFIDENTIAL is refused. */
    private final boolean confidentialOnly;
    private boolean fileStarted;
    private @Nullable StoredObject stored;
    private @Nullable String confidentiality;

    private UploadForm(boolean confidentialOnly) {
        this.confidentialOnly = confidentialOnly;
    }

    /** A listing's document: the file and its confidentiality, both required. */
    static UploadForm forListing() {
        return new UploadForm(false);
    }

    /** A room's document: the file; a confidentiality may be sent and must then be CONFIDENTIAL. */
    static UploadForm forRoom() {
        return new UploadForm(true);
    }

    /** A file part starts: refused unless it is the first and is called {@code file}. */
    void fileStarts(String name) {
        if (!FILE.equals(name)) throw unexpected(name, "only the part '" + FILE + "' may carry a file");
        if (fileStarted) throw new MalformedInput(List.of(FieldErrors.of(FILE, "too-many", "send exactly one file part")));
        fileStarted = true;
    }

    void stored(StoredObject object) {
        this.stored = object;
    }

    /** A text field arrived (read within the codec limit): refused over 1 KB; only the first confidentiality is kept. */
    void field(String name, String value) {
        if (value.length() > MAX_FIELD_LENGTH) {
            throw new MalformedInput(List.of(FieldErrors.of(name.isEmpty() ? "$" : name, "too-long", "a text field has at most " + MAX_FIELD_LENGTH + " characters")));
        }
        if (CONFIDENTIALITY.equals(name) && confidentiality == null) confidentiality = value.trim().toUpperCase(Locale.ROOT);
    }

    static MalformedInput unexpected(String name, String message) {
        return new MalformedInput(List.of(FieldErrors.of(name.isEmpty() ? "$" : name, "unexpected", message)));
    }

    /** The object stored so far, if any: removed again when the request fails after it. */
    @Nullable StoredObject stored() {
        return stored;
    }

    /** The stored file and its confidentiality once the request is complete, or every missing field at once. */
    StoredObject file() {
        List<Map<String, String>> errors = new ArrayList<>();
        if (stored == null) errors.add(FieldErrors.of(FILE, "required", "send exactly one file part"));
        if (confidentialOnly) {
            if (confidentiality != null && level() != Confidentiality.CONFIDENTIAL) {
                errors.add(FieldErrors.of(CONFIDENTIALITY, "invalid", "a room's documents are always CONFIDENTIAL"));
            }
        } else if (level() == null) {
            errors.add(FieldErrors.of(CONFIDENTIALITY, "required", "must be PUBLIC or CONFIDENTIAL"));
        }
        if (!errors.isEmpty() || stored == null) throw new MalformedInput(errors);
        return stored;
    }

    @Nullable Confidentiality level() {
        try {
            return confidentiality == null ? null : Confidentiality.valueOf(confidentiality);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
