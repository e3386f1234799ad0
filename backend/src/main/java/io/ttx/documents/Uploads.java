package io.ttx.documents;

import io.ttx.documents.Documents.StoredObject;
import io.ttx.documents.storage.MeteredInputStream;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.documents.storage.Sniffer;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Objects;

/**
 * Streams a multipart upload to object storage without ever holding the file: the part's buffers feed an
 * InputStream read by the S3 upload in parts of bounded size; size and SHA-256 are measured on the way, the type is
 * sniffed from the first 64 KB before anything is stored. Only the file and small text fields are accepted (see
 * {@link UploadForm}); whatever fails after the file was stored removes it again. Then the metadata is registered
 * (see {@link Documents}).
 */
@Component
public class Uploads {
    /** An upload past its sniffing: the detected type, the whole stream again, and the meter counting it. */
    private record Sniffed(String type, InputStream whole, MeteredInputStream meter) { }

    private final Documents documents;
    private final RoomDocuments rooms;
    private final ObjectStore objects;
    private final Sniffer sniffer;
    private final DocumentProperties props;

    Uploads(Documents documents, RoomDocuments rooms, ObjectStore objects, Sniffer sniffer, DocumentProperties props) {
        this.documents = documents;
        this.rooms = rooms;
        this.objects = objects;
        this.sniffer = sniffer;
        this.props = props;
    }

    /** A document of a listing: the caller must manage the listing (checked before any part is read). */
    public Mono<DocumentView> upload(CurrentUser user, ListingKind kind, String listingId, Flux<PartEvent> parts) {
        return documents.prepare(user, kind, listingId).flatMap(target -> {
            UploadForm form = UploadForm.forListing();
            return receive(target, form, parts)
                .flatMap(file -> documents.register(user, kind, listingId, file, Objects.requireNonNull(form.level())));
        });
    }

    /**
     * A document of a room (a deal room): the room's owner decided that the uploader may add it before calling. The form
     * needs only the file; a confidentiality, if sent, must be CONFIDENTIAL, which a room document always is.
     */
    public Mono<RoomDocumentView> upload(Room room, Uploader uploader, Flux<PartEvent> parts) {
        return Mono.fromSupplier(() -> rooms.prepare(room))
            .flatMap(target -> receive(target, UploadForm.forRoom(), parts))
            .flatMap(file -> rooms.register(room, uploader, file));
    }

    /** Reads the parts, storing the file part as it streams; the stored object once the form is complete, else nothing left. */
    private Mono<StoredObject> receive(StoredObject target, UploadForm form, Flux<PartEvent> parts) {
        return parts.windowUntil(PartEvent::isLast)
            .concatMap(part -> part.switchOnFirst((first, events) -> accept(form, target, first.get(), events)))
            .then(Mono.fromCallable(form::file))
            .onErrorResume(e -> {
                StoredObject stored = form.stored();
                return stored == null ? Mono.error(e) : documents.discard(stored.objectKey()).then(Mono.error(e));
            });
    }

    private Mono<Void> accept(UploadForm form, StoredObject target, @Nullable PartEvent head, Flux<PartEvent> events) {
        if (head == null) return events.then();
        try {
            if (head instanceof FilePartEvent file) {
                form.fileStarts(file.name());
                return store(target, file.filename(), events.map(PartEvent::content)).doOnNext(form::stored).then();
            }
            if (!(head instanceof FormPartEvent field)) throw UploadForm.unexpected(head.name(), "only the file and text fields are accepted");
            form.field(field.name(), field.value());
            return events.doOnNext(e -> DataBufferUtils.release(e.content())).then();
        } catch (DomainException refused) {
            // refused at its start: its first buffer is released, the rest of the request is never read
            return events.take(1).doOnNext(e -> DataBufferUtils.release(e.content())).then(Mono.error(refused));
        }
    }

    private Mono<StoredObject> store(StoredObject target, String filename, Flux<DataBuffer> content) {
        long limit = props.maxSize().toBytes();
        return Mono.fromCallable(() -> {
                MeteredInputStream metered = new MeteredInputStream(DataBufferUtils.subscriberInputStream(content, 8), limit);
                byte[] head = new byte[Sniffer.HEAD];
                int n = metered.readNBytes(head, 0, head.length);
                String type = sniffer.detect(head, n, filename);
                if (!props.allows(type)) {
                    metered.close();
                    throw DocumentProblems.unsupportedType(type);
                }
                InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), metered);
                return new Sniffed(type, whole, metered);
            })
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(s -> objects.put(target.objectKey(), s.whole(), s.type())
                .then(Mono.fromCallable(() -> new StoredObject(target.documentId(), target.objectKey(), clean(filename), s.type(),
                    s.meter().count(), s.meter().sha256Hex()))))
            .onErrorMap(e -> classify(e, limit))
            .onErrorResume(e -> documents.discard(target.objectKey()).then(Mono.error(e)));
    }

    private static Throwable classify(Throwable e, long limit) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MeteredInputStream.LimitExceeded) return DocumentProblems.tooLarge(limit);
            if (t instanceof DataBufferLimitException tooLarge) return DocumentProblems.tooLarge(tooLarge.getMessage());
            if (t instanceof DomainException) return t;
        }
        return DocumentProblems.storageUnavailable();
    }

    /** Keeps a file name displayable and harmless in a Content-Disposition header. */
    static String clean(String filename) {
        String base = filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) base = "document";
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
