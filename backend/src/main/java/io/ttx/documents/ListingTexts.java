package io.ttx.documents;

import io.ttx.documents.persistence.DocumentRecord;
import io.ttx.documents.persistence.DocumentStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text extracted from listings' public documents (module API), for the search index: what to index with a
 * listing, and which listings a text extraction concerns. Confidential documents are never extracted, so nothing
 * here can reveal them. No caller checks: only the public text of the listings is given out.
 */
@Service
public class ListingTexts {
    private final DocumentStore store;
    private final DocumentProperties props;

    ListingTexts(DocumentStore store, DocumentProperties props) {
        this.store = store;
        this.props = props;
    }

    /**
     * The extracted text of the public documents of these listings, by listing id (one query for a whole batch), in
     * upload order and capped per listing at {@code ttx.documents.listing-text-limit} of UTF-8 ({@link TextBudget}).
     */
    public Mono<Map<String, List<String>>> publicTextsOf(ListingKind kind, Collection<String> listingIds) {
        long budget = props.listingTextLimit().toBytes();
        return store.publicTextsOf(kind, listingIds).map(byListing -> {
            Map<String, List<String>> capped = new HashMap<>();
            byListing.forEach((id, texts) -> capped.put(id, TextBudget.cap(texts, budget)));
            return capped;
        });
    }

    /** Listings of this kind with a document uploaded at or after {@code since} (their text may have been extracted since). */
    public Flux<String> listingsWithUploadsSince(ListingKind kind, Instant since) {
        return store.listingsWithUploadsSince(kind, since);
    }

    /**
     * The listings these documents belong to, each once, by kind. A document deleted a moment ago still counts until its
     * {@code DocumentDeleted} event was delivered (its listing's text changed); one gone for good is left out.
     */
    public Mono<Map<ListingKind, List<String>>> listingsOf(List<String> documentIds) {
        if (documentIds.isEmpty()) return Mono.just(Map.of());
        return store.withDeletedByIds(documentIds).collectList().map(docs -> {
            Map<ListingKind, List<String>> out = new EnumMap<>(ListingKind.class);
            for (DocumentRecord d : docs) {
                List<String> ids = out.computeIfAbsent(d.listingKind(), k -> new ArrayList<>());
                if (!ids.contains(d.listingId())) ids.add(d.listingId());
            }
            return out;
        });
    }
}
