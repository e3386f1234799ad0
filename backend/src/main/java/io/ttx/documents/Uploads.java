package io.ttx.documents;

import io.ttx.documents.Documents.StoredObject;
import io.ttx.documents.storage.MeteredInputStream;
import io.ttx.documents.storage.ObjectStore;
import io.ttx.documents.storage.Sniffer;
import io.ttx.identity.CurrentUser;
import io.ttx.shared.DomainException;
import io.ttx.shared.MalformedInput;
import io.ttx.shared.web.FieldErrors;
import org.springframework.core.io.buffer.DataBuffer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a multipart upload to object storage without ever holding the file: the part's buffers feed an
 * InputStream read by the S3 client in parts of bounded size; size and SHA-256 are measured on the way, the type is
 * sniffed from the first 64 KB before anything is stored. Then the metadata is registered (see {@link Documents}).
 */
@Component
public class Uploads {
    private record Field(String name, String value) { }

    /** An upload past its sniffing: the detected type, the whole stream again, and the meter counting it. */
    private record Sniffed(String type, InputStream whole, MeteredInputStream meter) { }

    private final Documents documents;
    private final ObjectStore objects;
    private final Sniffer sniffer;
    private final DocumentProperties props;

    Uploads(Documents documents, ObjectStore objects, Sniffer sniffer, DocumentProperties props) {
        this.documents = documents;
        this.objects = objects;
        this.sniffer = sniffer;
        this.props = props;
    }

    public Mono<DocumentView> upload(CurrentUser user, ListingKind kind, String listingId, Flux<PartEvent> parts) {
        return documents.prepare(user, kind, listingId).flatMap(target -> parts
            .windowUntil(PartEvent::isLast)
            .concatMap(part -> part.switchOnFirst((first, events) -> {
                PartEvent head = first.get();
                if (head instanceof FilePartEvent file && "file".equals(file.name())) {
                    return store(target, file.filename(), events.map(PartEvent::content)).cast(Object.class).flux();
                }
                Mono<Void> drained = events.doOnNext(e -> DataBufferUtils.release(e.content())).then();
                if (head instanceof FormPartEvent form) return drained.thenReturn((Object) new Field(form.name(), form.value())).flux();
                return drained.thenMany(Flux.empty());
            }))
            .collectList()
            .flatMap(results -> register(user, kind, listingId, results)));
    }

    private Mono<DocumentView> register(CurrentUser user, ListingKind kind, String listingId, List<Object> results) {
        List<StoredObject> files = new ArrayList<>();
        String confidentiality = null;
        for (Object r : results) {
            if (r instanceof StoredObject s) files.add(s);
            if (r instanceof Field f && f.name().equals("confidentiality")) confidentiality = f.value().trim().toUpperCase(Locale.ROOT);
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (files.size() != 1) errors.add(FieldErrors.of("file", files.isEmpty() ? "required" : "too-many", "send exactly one file part"));
        Confidentiality level = null;
        try {
            if (confidentiality != null) level = Confidentiality.valueOf(confidentiality);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (level == null) errors.add(FieldErrors.of("confidentiality", "required", "must be PUBLIC or CONFIDENTIAL"));
        if (!errors.isEmpty()) {
            return Flux.fromIterable(files).concatMap(f -> documents.discard(f.objectKey())).then(Mono.error(new MalformedInput(errors)));
        }
        return documents.register(user, kind, listingId, files.getFirst(), level);
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
