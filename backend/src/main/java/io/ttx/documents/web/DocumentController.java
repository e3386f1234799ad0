package io.ttx.documents.web;

import io.ttx.documents.DocumentView;
import io.ttx.documents.Documents;
import io.ttx.documents.ListingKind;
import io.ttx.documents.Uploads;
import io.ttx.identity.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
class DocumentController {
    record DocumentList(List<DocumentView> items) { }

    private final Documents documents;
    private final Uploads uploads;

    DocumentController(Documents documents, Uploads uploads) {
        this.documents = documents;
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/v1/{kind:achievements|demands}/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<DocumentView>> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String kind, @PathVariable String id,
                                              @RequestBody Flux<PartEvent> parts) {
        return uploads.upload(CurrentUser.of(jwt), ListingKind.ofSegment(kind), id, parts)
            .map(d -> ResponseEntity.created(URI.create("/api/v1/documents/" + d.id())).body(d));
    }

    @GetMapping(path = "/api/v1/{kind:achievements|demands}/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DocumentList> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String kind, @PathVariable String id) {
        return documents.list(CurrentUser.of(jwt), ListingKind.ofSegment(kind), id).collectList().map(DocumentList::new);
    }

    /** 302 to a short-lived presigned URL: the bytes never pass through the backend. */
    @GetMapping("/api/v1/documents/{docId}/content")
    Mono<ResponseEntity<Void>> content(@AuthenticationPrincipal Jwt jwt, @PathVariable String docId) {
        return documents.downloadUrl(CurrentUser.of(jwt), docId)
            .map(url -> ResponseEntity.status(302).location(url).cacheControl(CacheControl.noStore()).build());
    }

    @DeleteMapping("/api/v1/documents/{docId}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String docId) {
        return documents.delete(CurrentUser.of(jwt), docId).thenReturn(ResponseEntity.noContent().build());
    }
}
