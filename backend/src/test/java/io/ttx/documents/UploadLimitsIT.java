package io.ttx.documents;

import io.ttx.documents.storage.ObjectStore;
import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static io.ttx.catalogue.CatalogueTestSteps.draft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload's body is bounded as it streams (the upload limit is the document limit, 2 MB in tests, plus 64 KB of
 * envelope), whatever it announces, and its shape is bounded as it arrives: at most 8 parts, one file, text fields of
 * at most 1 KB. Each refusal comes while the client is still sending (a part is refused once its first bytes are
 * parsed), and leaves neither object nor metadata.
 * Requests are written by hand over a socket, chunked, as a hostile client would.
 */
class UploadLimitsIT extends IntegrationTest {
    private static final String BOUNDARY = "ttxBoundary7MA4YWxk";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final int LIMIT = 2 * 1024 * 1024 + 64 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ObjectStore objects;

    @Test
    void aChunkedBodyIs413AsSoonAsItPassesTheLimitAndNothingIsStored() throws Exception {
        String id = draft(api, bearer("tto"));
        // the multipart reader skips a preamble: only counting the streamed bytes stops this one, unfinished
        byte[] preamble = new byte[LIMIT + 100 * 1024];
        Arrays.fill(preamble, (byte) 'x');
        assertThat(RawHttp.chunked(port, head(id), preamble, false, ANSWER_WITHIN)).startsWith("HTTP/1.1 413")
            .contains("application/problem+json").contains("\"code\":\"payload-too-large\"");
        // the same preamble before a valid form: without the count it would be stored
        byte[] valid = concat(preamble, file("brief.pdf", DocumentsIT.PDF), field("confidentiality", "PUBLIC"), end());
        assertThat(RawHttp.chunked(port, head(id), valid, true, ANSWER_WITHIN)).startsWith("HTTP/1.1 413");
        assertNothingStored(id);
    }

    @Test
    void aBodyPassingItsLimitInsideTheFileAbortsTheStoredPartsAndRegistersNothing() throws Exception {
        String id = draft(api, bearer("tto"));
        // eight parts with ~9.8 KB of headers each make an envelope over 64 KB around a file of exactly the document limit
        byte[] pdf = Arrays.copyOf(DocumentsIT.PDF, 2 * 1024 * 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 6; i++) body.write(padded("f" + i, "", "v"));
        body.write(padded("confidentiality", "", "CONFIDENTIAL"));
        body.write(padded("file", "big.pdf", pdf));
        body.write(end());
        assertThat(RawHttp.chunked(port, head(id), body.toByteArray(), true, ANSWER_WITHIN)).startsWith("HTTP/1.1 413")
            .contains("\"code\":\"payload-too-large\"");
        assertNothingStored(id);
    }

    @Test
    void aNinthPartIs400WhenItStarts() throws Exception {
        String id = draft(api, bearer("tto"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(file("brief.pdf", DocumentsIT.PDF));
        body.write(field("confidentiality", "PUBLIC"));
        for (int i = 0; i < 6; i++) body.write(field("note" + i, "x"));
        body.write(partHead("ninth", null, null)); // ... and the client stalls in the ninth part
        assertThat(RawHttp.chunked(port, head(id), body.toByteArray(), false, ANSWER_WITHIN)).startsWith("HTTP/1.1 400")
            .contains("\"code\":\"validation-failed\"");
        assertNothingStored(id);
    }

    @Test
    void aSecondFileOrAPartThatIsNeitherFileNorTextIs400WhenItStarts() throws Exception {
        String id = draft(api, bearer("tto"));
        byte[] first = concat(file("brief.pdf", DocumentsIT.PDF), field("confidentiality", "PUBLIC"));
        byte[] second = concat(first, partHead("file", "second.pdf", "application/pdf"), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
            new byte[200_000]);
        assertThat(RawHttp.chunked(port, head(id), second, false, ANSWER_WITHIN)).startsWith("HTTP/1.1 400")
            .contains("\"field\":\"file\"").contains("\"code\":\"too-many\"");
        byte[] binary = concat(first, partHead("blob", null, "application/octet-stream"), new byte[200_000]);
        assertThat(RawHttp.chunked(port, head(id), binary, false, ANSWER_WITHIN)).startsWith("HTTP/1.1 400")
            .contains("\"field\":\"blob\"").contains("\"code\":\"unexpected\"");
        assertNothingStored(id);
    }

    @Test
    void aTextFieldOverOneKilobyteIs400AndTheFileStoredBeforeItIsRemoved() throws Exception {
        String id = draft(api, bearer("tto"));
        byte[] body = concat(file("brief.pdf", DocumentsIT.PDF), field("confidentiality", "PUBLIC"), field("note", "n".repeat(2048)), end());
        assertThat(RawHttp.chunked(port, head(id), body, true, ANSWER_WITHIN)).startsWith("HTTP/1.1 400")
            .contains("\"field\":\"note\"").contains("\"code\":\"too-long\"");
        assertNothingStored(id);
        // a small unknown field is let through (and not kept)
        byte[] fine = concat(file("brief.pdf", DocumentsIT.PDF), field("note", "hello"), field("confidentiality", "PUBLIC"), end());
        assertThat(RawHttp.chunked(port, head(id), fine, true, ANSWER_WITHIN)).startsWith("HTTP/1.1 201");
    }

    private void assertNothingStored(String id) {
        eventually(Duration.ofSeconds(20), () -> {
            assertThat(objects.list("achievements/" + id + "/").map(Map.Entry::getKey).collectList().block(Duration.ofSeconds(20))).isEmpty();
            JsonNode listed = api.get().uri("/api/v1/achievements/{id}/documents", id).header(HttpHeaders.AUTHORIZATION, bearer("tto"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(listed.get("items").valueStream().toList()).isEmpty();
        });
    }

    private static String head(String id) {
        return "POST /api/v1/achievements/" + id + "/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer("tto")
            + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY;
    }

    private static byte[] partHead(String name, String filename, String type) {
        return partHead(name, filename, type, "");
    }

    private static byte[] partHead(String name, String filename, String type, String extraHeaders) {
        String h = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"")
            + "\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n") + extraHeaders + "\r\n";
        return h.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] file(String filename, byte[] content) {
        return concat(partHead("file", filename, "application/octet-stream"), content, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] field(String name, String value) {
        return concat(partHead(name, null, null), (value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A part whose headers fill most of the 10 KB a part may have. */
    private static byte[] padded(String name, String filename, Object content) {
        byte[] c = content instanceof byte[] b ? b : content.toString().getBytes(StandardCharsets.UTF_8);
        byte[] h = partHead(name, filename.isEmpty() ? null : filename, filename.isEmpty() ? null : "application/octet-stream",
            "X-Padding: " + "p".repeat(9_800) + "\r\n");
        return concat(h, c, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] end() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
