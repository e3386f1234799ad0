package io.ttx.demodata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The multipart/form-data body of a document upload: part {@code file} (the PDF, with its filename) and part
 * {@code confidentiality}. The boundary is fixed so that bodies are reproducible; it cannot occur in the PDFs,
 * which are plain ASCII/Latin-1 text without this marker.
 */
record Multipart(String contentType, byte[] body) {
    static final String BOUNDARY = "ttx-demo-data-7f3a9c2e51b04d86";

    static Multipart of(DemoDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"" + doc.filename() + "\"\r\n"
            + "Content-Type: " + doc.contentType() + "\r\n\r\n");
        out.writeBytes(doc.bytes());
        write(out, "\r\n--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"confidentiality\"\r\n\r\n"
            + doc.confidentiality() + "\r\n--" + BOUNDARY + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
